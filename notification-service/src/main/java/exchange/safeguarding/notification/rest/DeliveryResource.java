package exchange.safeguarding.notification.rest;

import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.OrganisationGuard;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.Problem;
import exchange.safeguarding.kit.problem.QueryValues;
import exchange.safeguarding.notification.domain.DeliveryStatus;
import exchange.safeguarding.notification.repository.DeliveryAttemptRepository;
import exchange.safeguarding.notification.repository.DeliveryRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeliveryResource {

    public record ReplaySince(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.PastOrPresent
                              java.time.Instant since) {
    }

    public record Replayed(int replayed, List<UUID> deliveryIds, boolean more) {
    }

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final exchange.safeguarding.notification.service.DeliveryReplay replay;
    private final CurrentCaller caller;
    private final OrganisationGuard guard;

    public DeliveryResource(DeliveryRepository deliveries, DeliveryAttemptRepository attempts,
                            exchange.safeguarding.notification.service.DeliveryReplay replay, CurrentCaller caller,
                            OrganisationGuard guard) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.replay = replay;
        this.caller = caller;
        this.guard = guard;
    }

    @jakarta.ws.rs.POST
    @Path("/{id}/replay")
    @RolesAllowed({Roles.GATEWAY, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.PROTOCOL_ADMIN})
    @Operation(summary = "Send a delivered or dead message again, with the same webhook-id and a fresh retry schedule")
    @APIResponse(responseCode = "409", description = "Still being attempted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView replay(@PathParam("id") UUID id) {
        return DeliveryView.of(replay.replay(caller.get(), id), attempts.of(id));
    }

    @jakarta.ws.rs.POST
    @Path("/replay")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GATEWAY, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.PROTOCOL_ADMIN})
    @Operation(summary = "Send again every message to the caller's organisation since a time (at most 1,000 at once; "
            + "repeat from the last one's time when more is true)")
    public Replayed replaySince(@jakarta.validation.constraints.NotNull @jakarta.validation.Valid ReplaySince body) {
        var replayed = replay.replaySince(caller.get(), body.since());
        return new Replayed(replayed.size(), replayed.stream().map(d -> d.id).toList(),
                replayed.size() == exchange.safeguarding.notification.service.DeliveryReplay.MAX_REPLAY);
    }

    @GET
    @RolesAllowed({Roles.GATEWAY, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.PROTOCOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "List messages sent (or being sent) to the caller's organisation, newest first")
    public List<DeliveryView> list(@QueryParam("status") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                           schema = @Schema(implementation = DeliveryStatus.class)) String status,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        Optional<DeliveryStatus> wanted = QueryValues.optionalEnum(DeliveryStatus.class, status, "status");
        return deliveries.forRecipient(caller.get().organisation(), wanted, page, size).stream()
                .map(d -> DeliveryView.of(d, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.GATEWAY, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.PROTOCOL_ADMIN, Roles.AUDITOR})
    @Operation(summary = "One delivery to the caller's organisation, with every attempt")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery, or not to the caller's organisation",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeliveryView get(@PathParam("id") UUID id) {
        var delivery = guard.visible(caller.get(), deliveries.findById(id), d -> d.recipient, "Delivery " + id);
        return DeliveryView.of(delivery, attempts.of(id));
    }
}
