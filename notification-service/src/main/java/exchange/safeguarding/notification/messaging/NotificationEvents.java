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

    public record Delivered(UUID deliveryId, String eventId, String eventType, String organisation, String channel,
                            int attempts, Instant deliveredAt) {
    }

    public record Undeliverable(UUID deliveryId, String eventId, String eventType, String organisation, String channel,
                                int attempts, Instant gaveUpAt, String lastError) {
    }

    private final Outbox outbox;

    public NotificationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void delivered(Delivery d, Instant at) {
        outbox.append(TOPIC, DELIVERED, d.eventId, new Delivered(d.id, d.eventId, d.eventType, d.recipient, "WEBHOOK",
                d.attempts, at));
    }

    public void undeliverable(Delivery d, Instant at, String lastError) {
        outbox.append(TOPIC, UNDELIVERABLE, d.eventId, new Undeliverable(d.id, d.eventId, d.eventType, d.recipient, "WEBHOOK",
                d.attempts, at, lastError));
    }
}
