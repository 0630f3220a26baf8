package exchange.safeguarding.kit.caller;

import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Function;

/**
 * The one organisation check every service uses: an object owned by (or disclosed to) another
 * organisation answers exactly as if it did not exist, so nothing leaks its existence.
 */
@ApplicationScoped
public class OrganisationGuard {

    /** Returns the object when the caller's organisation may see it, else throws a 404 problem. */
    public <T> T visible(Caller caller, T object, Function<T, String> owningOrganisation, String what) {
        if (object == null || !caller.belongsTo(owningOrganisation.apply(object))) {
            throw ProblemException.notFound(what);
        }
        return object;
    }

    /** For operations that act on behalf of an organisation named in the request. */
    public void requireOwn(Caller caller, String organisationCode, String what) {
        if (!caller.belongsTo(organisationCode)) {
            throw ProblemException.notFound(what);
        }
    }
}
