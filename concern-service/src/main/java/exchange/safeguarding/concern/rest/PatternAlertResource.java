package exchange.safeguarding.concern.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.concern.domain.PatternAlert;
import exchange.safeguarding.concern.repository.PatternAlertRepository;
import exchange.safeguarding.concern.service.PatternAlerts;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/pattern-alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Pattern alerts")
public class PatternAlertResource {

    @Schema(name = "PatternAlert", description = "Concerns that together suggest a pattern, for the local authority to decide on",
            example = ApiExamples.ALERT)
    public record AlertView(UUID id, String rule, String subject, String status, List<UUID> concernIds,
                            List<String> organisations, Instant detectedAt, Instant updatedAt, String decision,
                            String decisionReason, String decidedBy, Instant decidedAt) {
        static AlertView of(PatternAlert a) {
            return new AlertView(a.id, a.rule.name(), a.subjectKey, a.status.name(), List.of(a.concernIds),
                    List.of(a.organisations), a.detectedAt, a.updatedAt, a.decision, a.decisionReason, a.decidedBy, a.decidedAt);
        }
    }

    @Schema(description = "The local authority's decision on an alert", example = ApiExamples.DECISION)
    public record Decision(
            @NotBlank @Pattern(regexp = "START_ENQUIRY|MONITOR|NO_ACTION|REFER_TO_REGULATOR",
                    message = "must be START_ENQUIRY, MONITOR, NO_ACTION or REFER_TO_REGULATOR") String decision,
            @NotBlank @Size(max = 8000) String reason) {
    }

    private final PatternAlertRepository alerts;
    private final PatternAlerts decisions;
    private final CurrentCaller caller;

    public PatternAlertResource(PatternAlertRepository alerts, PatternAlerts decisions, CurrentCaller caller) {
        this.alerts = alerts;
        this.decisions = decisions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Roles.LA_SAFEGUARDING_OFFICER)
    @Operation(operationId = "listPatternAlerts", summary = "Pattern alerts for the caller's local authority, newest first",
            description = "Alerts are raised by the platform when concerns about one adult come from several "
                    + "organisations, one person alleged to cause harm is named about different adults, or one care "
                    + "setting gathers several concerns.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AlertView.class)))
    public List<AlertView> list() {
        return alerts.forLocalAuthority(caller.get().organisation()).stream().map(AlertView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.LA_SAFEGUARDING_OFFICER)
    @Operation(operationId = "getPatternAlert", summary = "One pattern alert, naming the linked concerns",
            description = "Only alerts for the caller's local authority.")
    @APIResponse(responseCode = "200", description = "The alert",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "404", description = "No such alert for the caller's local authority")
    public AlertView get(@PathParam("id") UUID id) {
        return AlertView.of(decisions.visible(caller.get(), id));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.LA_SAFEGUARDING_OFFICER)
    @Operation(operationId = "decidePatternAlert", summary = "Decide on a pattern alert, with reasons",
            description = "START_ENQUIRY, MONITOR, NO_ACTION or REFER_TO_REGULATOR; an alert is decided once.")
    @APIResponse(responseCode = "200", description = "The decided alert",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named")
    @APIResponse(responseCode = "404", description = "No such alert for the caller's local authority")
    @APIResponse(responseCode = "409", description = "Already decided")
    public AlertView decide(@PathParam("id") UUID id, @NotNull @Valid Decision decision) {
        return AlertView.of(decisions.decide(caller.get(), id, decision.decision(), decision.reason()));
    }
}
