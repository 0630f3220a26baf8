package exchange.safeguarding.kit.standing;

import exchange.safeguarding.kit.persistence.SchemaMigration;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * Whether a caller's organisation is suspended, from this service's own records, re-read every
 * {@code kit.standing.refresh-interval}. A token stays valid at Keycloak until it expires (up to 15 minutes); this is
 * what refuses it within a second or two of the suspension, on every instance of every service, without asking
 * another service. A failed read keeps the last known set.
 */
@ApplicationScoped
public class OrganisationStanding {

    private static final Logger LOG = Logger.getLogger(OrganisationStanding.class);

    private final Instance<SuspendedOrganisations> source;
    private volatile Set<String> suspended = Set.of();

    public OrganisationStanding(Instance<SuspendedOrganisations> source) {
        this.source = source;
    }

    public boolean isSuspended(String organisation) {
        return organisation != null && suspended.contains(organisation);
    }

    /** Right after the schema exists, before the first request is served. */
    void onStart(@Observes @Priority(SchemaMigration.ORDER + 50) StartupEvent ignored) {
        refresh();
    }

    @Scheduled(every = "${kit.standing.refresh-interval:500ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (!source.isResolvable()) {
            return;
        }
        try {
            Set<String> now = Set.copyOf(QuarkusTransaction.requiringNew().call(() -> source.get().read()));
            if (!now.equals(suspended)) {
                LOG.infof("suspended organisations now %s", now);
            }
            suspended = now;
        } catch (RuntimeException e) {
            LOG.debugf("could not re-read suspended organisations, keeping %s: %s", suspended, e.getMessage());
        }
    }
}
