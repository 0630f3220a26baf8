package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.domain.PatternAlert;
import exchange.safeguarding.concern.repository.PatternAlertRepository;
import exchange.safeguarding.concern.service.PatternAlerts;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.Problem;
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
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "Local authority safeguarding officers only",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PatternAlertResource {

    public record AlertView(UUID id, String rule, String subject, String status, List<UUID> concernIds,
                            List<String> organisations, Instant detectedAt, Instant updatedAt, String decision,
                            String decisionReason, String decidedBy, Instant decidedAt) {
        static AlertView of(PatternAlert a) {
            return new AlertView(a.id, a.rule.name(), a.subjectKey, a.status.name(), List.of(a.concernIds),
                    List.of(a.organisations), a.detectedAt, a.updatedAt, a.decision, a.decisionReason, a.decidedBy, a.decidedAt);
        }
    }

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
    @Operation(summary = "Pattern alerts for the caller's local authority, newest first")
    public List<AlertView> list() {
        return alerts.forLocalAuthority(caller.get().organisation()).stream().map(AlertView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.LA_SAFEGUARDING_OFFICER)
    @Operation(summary = "One pattern alert, naming the linked concerns")
    @APIResponse(responseCode = "404", description = "No such alert for the caller's local authority",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView get(@PathParam("id") UUID id) {
        return AlertView.of(decisions.visible(caller.get(), id));
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.LA_SAFEGUARDING_OFFICER)
    @Operation(summary = "Decide on a pattern alert, with reasons")
    @APIResponse(responseCode = "409", description = "Already decided",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertView decide(@PathParam("id") UUID id, @NotNull @Valid Decision decision) {
        return AlertView.of(decisions.decide(caller.get(), id, decision.decision(), decision.reason()));
    }
}
