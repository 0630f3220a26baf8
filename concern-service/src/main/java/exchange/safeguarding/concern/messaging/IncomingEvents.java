package exchange.safeguarding.concern.messaging;

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

    public IncomingEvents(EventConsumption consumption, OrganisationReplica organisations) {
        this.consumption = consumption;
        this.organisations = organisations;
    }

    @Incoming("agreements")
    @Blocking
    public void agreements(String message) {
        consumption.consume("organisation-replica", message, organisations::apply);
    }
}
