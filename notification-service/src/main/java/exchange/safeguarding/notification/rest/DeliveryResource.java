package exchange.safeguarding.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.OrganisationGuard;
import exchange.safeguarding.kit.caller.Roles;
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
public class DeliveryResource {

    @Schema(description = "Replay every message to the caller's organisation since this time", example = ApiExamples.REPLAY_SINCE)
    public record ReplaySince(@jakarta.validation.constraints.NotNull @jakarta.validation.constraints.PastOrPresent
                              java.time.Instant since) {
    }

    @Schema(description = "What was queued again", example = ApiExamples.REPLAYED)
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
    @Operation(operationId = "replayDelivery",
            summary = "Send a delivered or dead message again, with the same webhook-id and a fresh retry schedule",
            description = "The gateway de-duplicates by webhook-id, so a replay it already processed is harmless. No body.")
    @APIResponse(responseCode = "200", description = "The delivery, queued again",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery, or not to the caller's organisation")
    @APIResponse(responseCode = "409", description = "Still being attempted")
    public DeliveryView replay(@PathParam("id") UUID id) {
        return DeliveryView.of(replay.replay(caller.get(), id), attempts.of(id));
    }

    @jakarta.ws.rs.POST
    @Path("/replay")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GATEWAY, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.PROTOCOL_ADMIN})
    @Operation(operationId = "replayDeliveriesSince",
            summary = "Send again every message to the caller's organisation since a time (at most 1,000 at once; "
                    + "repeat from the last one's time when more is true)",
            description = "For a gateway that lost what it received: each message keeps its webhook-id.")
    @APIResponse(responseCode = "200", description = "How many were queued again",
            content = @Content(schema = @Schema(implementation = Replayed.class)))
    @APIResponse(responseCode = "400", description = "`since` is missing or in the future")
    public Replayed replaySince(@jakarta.validation.constraints.NotNull @jakarta.validation.Valid ReplaySince body) {
        var replayed = replay.replaySince(caller.get(), body.since());
        return new Replayed(replayed.size(), replayed.stream().map(d -> d.id).toList(),
                replayed.size() == exchange.safeguarding.notification.service.DeliveryReplay.MAX_REPLAY);
    }

    @GET
    @RolesAllowed({Roles.GATEWAY, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.PROTOCOL_ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listDeliveries", summary = "List messages sent (or being sent) to the caller's organisation, newest first",
            description = "Optionally only those in one status; paged with `page` (from 0) and `size` (1 to 200). "
                    + "The attempts are in each delivery's own record.")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class),
                    examples = @ExampleObject(name = "deliveries", value = ApiExamples.DELIVERIES)))
    @APIResponse(responseCode = "400", description = "An unknown status, a page below 0 or a size outside 1 to 200")
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
    @Operation(operationId = "getDelivery", summary = "One delivery to the caller's organisation, with every attempt",
            description = "Each attempt with its time, the gateway's status code or the error, and how long it took.")
    @APIResponse(responseCode = "200", description = "The delivery",
            content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "404", description = "No such delivery, or not to the caller's organisation")
    public DeliveryView get(@PathParam("id") UUID id) {
        var delivery = guard.visible(caller.get(), deliveries.findById(id), d -> d.recipient, "Delivery " + id);
        return DeliveryView.of(delivery, attempts.of(id));
    }
}
