package exchange.safeguarding.concern.messaging;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Events concern-service publishes on {@value #TOPIC}, keyed by concern id. */
@ApplicationScoped
public class ConcernEvents {

    public static final String TOPIC = "safeguarding.concerns";
    public static final String RAISED = "concern.raised.v1";

    /** Carries identifiers and routing facts only; recipients fetch details they are entitled to. */
    public record ConcernRaised(UUID concernId, String organisation, String urgency, Instant raisedAt) {
    }

    private final Outbox outbox;

    public ConcernEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void raised(Concern concern) {
        outbox.append(TOPIC, RAISED, concern.id.toString(),
                new ConcernRaised(concern.id, concern.organisation, concern.urgency.name(), concern.raisedAt));
    }
}
