package exchange.safeguarding.notification.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import exchange.safeguarding.notification.domain.Delivery;
import exchange.safeguarding.notification.domain.DeliveryAttempt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery as its recipient sees it: what was sent, when, and every attempt's result. */
@Schema(description = "A message to an organisation's gateway and its attempts", example = ApiExamples.DELIVERY)
public record DeliveryView(UUID id, String eventId, String eventType, String subject, String recipient, long sequence,
                           String status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
                           String lastError, List<Attempt> attemptHistory) {

    @Schema(name = "DeliveryAttempt", description = "One attempt to deliver")
    public record Attempt(int attempt, Instant attemptedAt, Integer statusCode, String error, int durationMs) {
        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.attempt, a.attemptedAt, a.statusCode, a.error, a.durationMs);
        }
    }

    static DeliveryView of(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id, d.eventId, d.eventType, d.subject, d.recipient, d.sequence, d.status.name(),
                d.attempts, d.createdAt, d.status.name().equals("PENDING") ? d.nextAttemptAt : null, d.deliveredAt,
                d.lastError, attempts == null ? null : attempts.stream().map(Attempt::of).toList());
    }
}
