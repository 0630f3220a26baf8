package exchange.safeguarding.kit.limits;

import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.config.PlatformConfig;
import exchange.safeguarding.kit.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;

/**
 * Per-caller request rate limit on every REST resource of a service: past its burst, a caller gets 429 problem+json
 * with Retry-After until its bucket refills. The caller is the token's subject (a person or a gateway's service
 * account), so one agency's runaway client cannot slow the service down for the others.
 *
 * <p>Not limited: calls between platform services (disclosures must not stall behind a limit), and the open
 * {@code /q/*} paths (health, metrics, API documents), which are not REST resources. Requests without a valid
 * token never get this far.
 */
public class RequestRateLimit {

    private final boolean enabled;
    private final TokenBuckets buckets;
    private final SecurityIdentity identity;

    public RequestRateLimit(PlatformConfig config, SecurityIdentity identity) {
        PlatformConfig.RateLimit limit = config.rateLimit();
        this.enabled = limit.enabled();
        this.buckets = new TokenBuckets(limit.requestsPerSecond(), limit.burst(), System::nanoTime);
        this.identity = identity;
    }

    @ServerRequestFilter
    public Response limit(UriInfo uri) {
        if (!enabled || identity.isAnonymous() || identity.hasRole(Roles.PLATFORM_SERVICE)) {
            return null;
        }
        Duration wait = buckets.take(caller());
        return wait.isZero() ? null : tooManyRequests(wait, uri.getPath());
    }

    static Response tooManyRequests(Duration wait, String path) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = Problem.of(429, "Too many requests",
                "You are calling faster than this service allows; try again in " + seconds + " s").at(path);
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", seconds).entity(problem).build();
    }

    private String caller() {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName();
    }
}
