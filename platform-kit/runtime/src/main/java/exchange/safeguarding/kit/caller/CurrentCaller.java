package exchange.safeguarding.kit.caller;

import exchange.safeguarding.kit.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import exchange.safeguarding.kit.config.PlatformConfig;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** The {@link Caller} of the current request, read from the verified bearer token. */
@RequestScoped
public class CurrentCaller {

    /** The token claim that carries the caller's organisation code. */
    public static final String ORGANISATION_CLAIM = "organisation";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final CurrentVertxRequest request;
    private final PlatformConfig config;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token, CurrentVertxRequest request, PlatformConfig config) {
        this.identity = identity;
        this.token = token;
        this.request = request;
        this.config = config;
    }

    public Caller get() {
        if (caller == null) {
            caller = read();
        }
        return caller;
    }

    private Caller read() {
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        String organisation = token.getClaim(ORGANISATION_CLAIM);
        if (organisation == null || organisation.isBlank()) {
            throw ProblemException.forbidden(
                    "The token carries no organisation; ask your administrator to bind your account or client to one");
        }
        String name = token.getClaim("preferred_username");
        String shown = name != null ? name : token.getSubject();
        Set<String> roles = Set.copyOf(identity.getRoles());
        if (roles.contains(Roles.GATEWAY)) {
            ActingPerson person = actingPerson();
            if (person != null) {
                // The person behind the gateway is who raised, asked or decided; the gateway is how.
                return new Caller(token.getSubject() + "#" + person.id(), person.through(shown), organisation, roles, person);
            }
        }
        return new Caller(token.getSubject(), shown, organisation, roles);
    }

    /** The gateway's Acting-Person header; required on writes where the service records people. */
    private ActingPerson actingPerson() {
        RoutingContext context = request.getCurrent();
        if (context == null) {
            return null;
        }
        String header = context.request().getHeader(ActingPerson.HEADER);
        if (header == null || header.isBlank()) {
            if (config.actingPerson().requiredOnWrites() && WRITES.contains(context.request().method().name())) {
                throw ProblemException.invalid(ActingPerson.HEADER, "a gateway call that changes anything must name the member "
                        + "of staff acting, so the record shows who raised, asked or decided: send " + ActingPerson.HEADER
                        + ": " + ActingPerson.FORMAT);
            }
            return null;
        }
        return ActingPerson.parse(header);
    }
}
