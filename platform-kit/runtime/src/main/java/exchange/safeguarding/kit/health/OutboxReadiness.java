package exchange.safeguarding.kit.health;

import exchange.safeguarding.kit.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness covers the event path: down while the relay cannot reach Kafka (accepted events wait in the outbox). */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    private final OutboxRelay relay;

    public OutboxReadiness(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        String error = relay.lastError();
        return HealthCheckResponse.named("outbox-relay")
                .status(error == null)
                .withData("lastError", error == null ? "none" : error)
                .build();
    }
}
