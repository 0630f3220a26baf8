package exchange.safeguarding.sharing.messaging;

import exchange.safeguarding.kit.inbox.EventConsumption;
import exchange.safeguarding.sharing.service.OrganisationReplica;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

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
