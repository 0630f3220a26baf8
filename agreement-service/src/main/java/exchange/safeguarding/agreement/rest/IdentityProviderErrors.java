package exchange.safeguarding.agreement.rest;

import exchange.safeguarding.agreement.client.GatewayClientException;
import exchange.safeguarding.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The identity provider being unreachable is a temporary condition the caller can retry, not a defect. */
public class IdentityProviderErrors {

    private static final Logger LOG = Logger.getLogger(IdentityProviderErrors.class);

    @ServerExceptionMapper
    public Response unavailable(GatewayClientException e) {
        LOG.warnf("identity provider call failed: %s", e.getMessage());
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "30")
                .entity(Problem.of(503, "Service unavailable", "The identity provider did not complete the request; try again shortly"))
                .build();
    }
}
