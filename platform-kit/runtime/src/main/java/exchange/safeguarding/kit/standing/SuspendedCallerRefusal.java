package exchange.safeguarding.kit.standing;

import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Priorities;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses, with 403, every call whose token names a suspended organisation: its people and its gateway client alike.
 * The partnership's protocol administrators are the exception, because they act for the partnership rather than for
 * their own organisation, and someone must be able to reinstate.
 */
public class SuspendedCallerRefusal {

    private final OrganisationStanding standing;
    private final SecurityIdentity identity;

    public SuspendedCallerRefusal(OrganisationStanding standing, SecurityIdentity identity) {
        this.standing = standing;
        this.identity = identity;
    }

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION - 10)
    public void refuseSuspended() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        String organisation = token.getClaim(CurrentCaller.ORGANISATION_CLAIM);
        if (standing.isSuspended(organisation) && !identity.hasRole(Roles.PROTOCOL_ADMIN)) {
            throw ProblemException.forbidden("Organisation " + organisation + " is suspended: its tokens are refused "
                    + "until a protocol administrator reinstates it");
        }
    }
}
