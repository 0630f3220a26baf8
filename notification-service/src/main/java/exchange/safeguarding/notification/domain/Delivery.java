package exchange.safeguarding.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message for one recipient organisation. Its id is the webhook-id on every attempt. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    public String subject;

    @Column(nullable = false)
    public String recipient;

    /** Position among this recipient's messages about the same subject, so order can be restored. */
    @Column(nullable = false)
    public long sequence;

    /** The exact webhook body (kept as text, so every attempt sends and signs the same bytes). */
    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_error")
    public String lastError;

    /** Attempts made before the latest replay; the retry schedule restarts after it. */
    @Column(name = "attempts_before_replay", nullable = false)
    public int attemptsBeforeReplay;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    /** Attempts since the last replay, which the retry schedule counts. */
    public int scheduledAttempts() {
        return attempts - attemptsBeforeReplay;
    }

    /** Sent again with the same webhook-id, so a receiver that already has it can recognise it. */
    public void replay(Instant at) {
        status = DeliveryStatus.PENDING;
        attemptsBeforeReplay = attempts;
        replayedAt = at;
        nextAttemptAt = at;
        leaseUntil = null;
    }

    public static Delivery pending(String eventId, String eventType, String subject, String recipient, long sequence,
                                   String payload, Instant now) {
        Delivery delivery = new Delivery();
        delivery.id = UUID.randomUUID();
        delivery.eventId = eventId;
        delivery.eventType = eventType;
        delivery.subject = subject;
        delivery.recipient = recipient;
        delivery.sequence = sequence;
        delivery.payload = payload;
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = now;
        delivery.createdAt = now;
        return delivery;
    }

    public void delivered(Instant at) {
        status = DeliveryStatus.DELIVERED;
        deliveredAt = at;
        leaseUntil = null;
        lastError = null;
    }

    public void retryAt(Instant at, String error) {
        nextAttemptAt = at;
        leaseUntil = null;
        lastError = error;
    }

    public void dead(String error) {
        status = DeliveryStatus.DEAD;
        leaseUntil = null;
        lastError = error;
    }
}
