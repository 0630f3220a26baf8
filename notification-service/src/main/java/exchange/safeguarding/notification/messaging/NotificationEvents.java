package exchange.safeguarding.notification.messaging;

import exchange.safeguarding.kit.outbox.Outbox;
import exchange.safeguarding.notification.domain.Delivery;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Events notification-service publishes on {@value #TOPIC}: which event reached which organisation, and
 * when (so the publisher can record when each was told), or that it could not be delivered.
 */
@ApplicationScoped
public class NotificationEvents {

    public static final String TOPIC = "safeguarding.notifications";
    public static final String DELIVERED = "notification.delivered.v1";
    public static final String UNDELIVERABLE = "notification.undeliverable.v1";
    public static final String SLA_BREACHED = "sla.breached.v1";

    public record Delivered(UUID deliveryId, String eventId, String eventType, String organisation, String channel,
                            int attempts, Instant deliveredAt) {
    }

    public record Undeliverable(UUID deliveryId, String eventId, String eventType, String organisation, String channel,
                                int attempts, Instant gaveUpAt, String lastError) {
    }

    /** A response time passed without the expected follow-up: the owner did not act in time. */
    public record ResponseTimeBreached(String subjectType, String subjectId, String concernId, String owner, String step,
                                       Instant dueAt, Instant breachedAt) {
    }

    private final Outbox outbox;

    public NotificationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void delivered(Delivery d, Instant at) {
        outbox.append(TOPIC, DELIVERED, d.eventId, new Delivered(d.id, d.eventId, d.eventType, d.recipient, "WEBHOOK",
                d.attempts, at));
    }

    public exchange.safeguarding.kit.events.CloudEvent responseTimeBreached(exchange.safeguarding.notification.domain.ResponseTimer t) {
        return outbox.append(TOPIC, SLA_BREACHED, t.subjectId, new ResponseTimeBreached(t.subjectType, t.subjectId,
                "concern".equals(t.subjectType) ? t.subjectId : null, t.owner, t.step, t.dueAt, t.breachedAt));
    }

    public void undeliverable(Delivery d, Instant at, String lastError) {
        outbox.append(TOPIC, UNDELIVERABLE, d.eventId, new Undeliverable(d.id, d.eventId, d.eventType, d.recipient, "WEBHOOK",
                d.attempts, at, lastError));
    }
}
