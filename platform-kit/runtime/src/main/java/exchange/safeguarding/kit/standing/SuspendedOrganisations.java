package exchange.safeguarding.kit.standing;

import java.util.Set;

/**
 * The codes of the organisations this service holds as suspended: agreement-service from its own records, the others
 * from their replica of agreement-service's organisation events. Each service provides one.
 */
public interface SuspendedOrganisations {

    /** Read from the database; called in a transaction. */
    Set<String> read();
}
