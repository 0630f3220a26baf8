package exchange.safeguarding.notification.messaging;

import exchange.safeguarding.kit.inbox.EventConsumption;
import exchange.safeguarding.notification.service.DeliveryPlanner;
import exchange.safeguarding.notification.service.EmailNotifications;
import exchange.safeguarding.notification.service.ResponseTimers;
import exchange.safeguarding.notification.service.GatewayDirectory;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** Every topic this service listens to; each event is applied once, in order per key. */
@ApplicationScoped
public class IncomingEvents {

    private final EventConsumption consumption;
    private final GatewayDirectory gateways;
    private final DeliveryPlanner planner;
    private final EmailNotifications emails;
    private final ResponseTimers timers;

    public IncomingEvents(EventConsumption consumption, GatewayDirectory gateways, DeliveryPlanner planner,
                          EmailNotifications emails, ResponseTimers timers) {
        this.consumption = consumption;
        this.gateways = gateways;
        this.planner = planner;
        this.emails = emails;
        this.timers = timers;
    }

    @Incoming("agreements")
    @Blocking
    public void agreements(String message) {
        consumption.consume("gateway-directory", message, gateways::apply);
        consumption.consume("organisation-contacts", message, emails::applyOrganisation);
        // Agreement lifecycle events are also told to the agreement's parties.
        consumption.consume("delivery-planner", message, planner::plan);
    }

    /** The busiest topic: each poll's events are applied in one transaction (a commit is the dearest part). */
    @Incoming("concerns")
    @Blocking
    public void concerns(List<String> messages) {
        consumption.consumeAll("concern-notifications", messages, event -> {
            planner.plan(event);
            timers.apply(event);
        });
    }

    @Incoming("sharing")
    @Blocking
    public void sharing(String message) {
        consumption.consume("delivery-planner", message, planner::plan);
    }
}
