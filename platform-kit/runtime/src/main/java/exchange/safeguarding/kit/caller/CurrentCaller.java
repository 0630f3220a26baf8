package exchange.safeguarding.kit.caller;

import exchange.safeguarding.kit.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/** The {@link Caller} of the current request, read from the verified bearer token. */
@RequestScoped
public class CurrentCaller {

    /** The token claim that carries the caller's organisation code. */
    public static final String ORGANISATION_CLAIM = "organisation";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private Caller caller;

    public CurrentCaller(SecurityIdentity identity, JsonWebToken token) {
        this.identity = identity;
        this.token = token;
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
        return new Caller(token.getSubject(), name != null ? name : token.getSubject(), organisation,
                Set.copyOf(identity.getRoles()));
    }
}
