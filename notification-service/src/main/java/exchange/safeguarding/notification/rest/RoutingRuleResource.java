package exchange.safeguarding.notification.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.notification.service.RoutingRules;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The caller's organisation's routing rules: per event type, whether its gateway receives the webhook and who
 * is emailed. Administrators and safeguarding leads change them; the gateway can read them.
 */
@Path("/routing-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Routing rules")
public class RoutingRuleResource {

    @Schema(description = "Channels for one event type, replacing any earlier rule; a field left out means the default",
            example = ApiExamples.RULE_REQUEST)
    public record RuleRequest(
            @Schema(description = "Whether the gateway receives a webhook for this event type (default true); "
                    + "cannot be false for safety-critical types") Boolean webhook,
            @Schema(description = "Email the safeguarding lead for every event of this type (true), never (false), or "
                    + "when the notification asks a lead to act (left out); cannot be false for safety-critical types")
            Boolean emailLead,
            @Size(max = 5) @Schema(description = "Further addresses emailed, such as a duty team's mailbox",
                    example = "[\"duty-team@meadowbank-care.example\"]")
            List<@NotBlank @Email @Size(max = 320) String> emailTo) {
    }

    @Schema(description = "An event type's channels for the caller's organisation", example = ApiExamples.RULE)
    public record RuleView(String eventType,
                           @Schema(description = "Safety-critical: channels can be added, never removed") boolean safetyCritical,
                           @Schema(description = "Whether the organisation set a rule; false means the defaults") boolean configured,
                           boolean webhook,
                           @Schema(description = "null: the lead is emailed when the notification asks a lead to act")
                           Boolean emailLead,
                           List<String> emailTo) {
        static RuleView of(RoutingRules.Effective e) {
            return new RuleView(e.eventType(), e.safetyCritical(), e.configured(), e.webhook(), e.emailLead(), e.emailTo());
        }
    }

    private final RoutingRules rules;
    private final CurrentCaller caller;

    public RoutingRuleResource(RoutingRules rules, CurrentCaller caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY})
    @Operation(operationId = "listRoutingRules", summary = "The channels for every event type the caller's organisation can be told of",
            description = "Whether a webhook, the lead's email and further addresses are used, and which types are "
                    + "safety-critical. The inbox always receives every message.")
    @APIResponse(responseCode = "200", description = "Every event type's channels",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RuleView.class)))
    public List<RuleView> list() {
        return rules.list(caller.get()).stream().map(RuleView::of).toList();
    }

    @GET
    @Path("/{eventType}")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.GATEWAY})
    @Operation(operationId = "getRoutingRule", summary = "The channels for one event type",
            description = "The organisation's rule, or the defaults when it set none.")
    @APIResponse(responseCode = "200", description = "The event type's channels",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "Not an event type this service tells anyone of")
    public RuleView get(@PathParam("eventType") String eventType) {
        return RuleView.of(rules.get(caller.get(), eventType));
    }

    @PUT
    @Path("/{eventType}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(operationId = "setRoutingRule", summary = "Set the channels for one event type",
            description = "Replaces any earlier rule. Channels of a safety-critical type can be added, never turned off.")
    @APIResponse(responseCode = "200", description = "The channels now in force",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "Not an event type this service tells anyone of")
    @APIResponse(responseCode = "422", description = "Would turn off a channel of a safety-critical notification")
    public RuleView set(@PathParam("eventType") String eventType, @NotNull @Valid RuleRequest request) {
        return RuleView.of(rules.set(caller.get(), eventType,
                new RoutingRules.Change(request.webhook(), request.emailLead(), request.emailTo())));
    }

    @DELETE
    @Path("/{eventType}")
    @RolesAllowed({Roles.PROTOCOL_ADMIN, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER})
    @Operation(operationId = "resetRoutingRule", summary = "Go back to the defaults for one event type",
            description = "Removes the organisation's rule for the type.")
    @APIResponse(responseCode = "200", description = "The default channels now in force",
            content = @Content(schema = @Schema(implementation = RuleView.class)))
    @APIResponse(responseCode = "404", description = "Not an event type this service tells anyone of")
    public RuleView reset(@PathParam("eventType") String eventType) {
        return RuleView.of(rules.reset(caller.get(), eventType));
    }
}
