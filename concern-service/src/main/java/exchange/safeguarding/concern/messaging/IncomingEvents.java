package exchange.safeguarding.concern.messaging;

import exchange.safeguarding.concern.service.ConcernReleases;
import exchange.safeguarding.concern.service.OrganisationReplica;
import exchange.safeguarding.kit.inbox.EventConsumption;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Topics concern-service listens to; each event is applied once, in order per key. */
@ApplicationScoped
public class IncomingEvents {

    private final EventConsumption consumption;
    private final OrganisationReplica organisations;
    private final ConcernReleases releases;

    public IncomingEvents(EventConsumption consumption, OrganisationReplica organisations, ConcernReleases releases) {
        this.consumption = consumption;
        this.organisations = organisations;
        this.releases = releases;
    }

    @Incoming("agreements")
    @Blocking
    public void agreements(String message) {
        consumption.consume("organisation-replica", message, organisations::apply);
    }

    /** Sharing decisions: what each organisation a concern reached may read of it. */
    @Incoming("sharing")
    @Blocking
    public void sharing(String message) {
        consumption.consume("concern-releases", message, releases::apply);
    }
}
