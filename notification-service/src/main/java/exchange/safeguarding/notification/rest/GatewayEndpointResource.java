package exchange.safeguarding.notification.rest;

import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.notification.domain.GatewayEndpoint;
import exchange.safeguarding.notification.repository.GatewayEndpointRepository;
import exchange.safeguarding.notification.service.DeliveryReplay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The caller's organisation's gateway as notification-service sees it: where, and whether it is enabled. */
@Path("/gateway-endpoint")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Gateway endpoint")
@RolesAllowed({Roles.GATEWAY, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER, Roles.PROTOCOL_ADMIN})
public class GatewayEndpointResource {

    /** Never the secrets. */
    @Schema(name = "GatewayEndpoint", description = "Where the organisation's webhooks go, and whether they are sent",
            example = ApiExamples.ENDPOINT)
    public record EndpointView(String organisation, String url, boolean enabled, Instant disabledAt, String disabledReason,
                               Instant updatedAt) {
        static EndpointView of(GatewayEndpoint e) {
            return new EndpointView(e.organisation, e.url, e.enabled(), e.disabledAt, e.disabledReason, e.updatedAt);
        }
    }

    private final GatewayEndpointRepository endpoints;
    private final DeliveryReplay replay;
    private final CurrentCaller caller;

    public GatewayEndpointResource(GatewayEndpointRepository endpoints, DeliveryReplay replay, CurrentCaller caller) {
        this.endpoints = endpoints;
        this.replay = replay;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getGatewayEndpoint", summary = "The caller's gateway endpoint and whether deliveries to it are enabled",
            description = "A gateway that answers 410 Gone is disabled until re-enabled; its deliveries wait.")
    @APIResponse(responseCode = "200", description = "The endpoint (never its secrets)",
            content = @Content(schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "404", description = "No gateway configured for the caller's organisation")
    public EndpointView get() {
        GatewayEndpoint endpoint = endpoints.findById(caller.get().organisation());
        if (endpoint == null) {
            throw ProblemException.notFound("Gateway endpoint of " + caller.get().organisation());
        }
        return EndpointView.of(endpoint);
    }

    @POST
    @Path("/re-enable")
    @Operation(operationId = "reEnableGatewayEndpoint",
            summary = "Re-enable the gateway after it answered 410 Gone; waiting deliveries are sent at once",
            description = "No body.")
    @APIResponse(responseCode = "200", description = "The endpoint, enabled",
            content = @Content(schema = @Schema(implementation = EndpointView.class)))
    @APIResponse(responseCode = "404", description = "No gateway configured for the caller's organisation")
    public EndpointView reEnable() {
        return EndpointView.of(replay.reEnable(caller.get()));
    }
}
