package exchange.safeguarding.notification.service;

import exchange.safeguarding.notification.config.NotificationConfig;
import exchange.safeguarding.notification.domain.Delivery;
import exchange.safeguarding.notification.domain.DeliveryAttempt;
import exchange.safeguarding.notification.domain.GatewayEndpoint;
import exchange.safeguarding.notification.domain.RetrySchedule;
import exchange.safeguarding.notification.repository.DeliveryRepository;
import exchange.safeguarding.notification.messaging.NotificationEvents;
import exchange.safeguarding.notification.repository.GatewayEndpointRepository;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Records each attempt and decides what follows: delivered, retry later, endpoint disabled, or dead. */
@ApplicationScoped
public class DeliveryOutcomes {

    private final DeliveryRepository deliveries;
    private final GatewayEndpointRepository endpoints;
    private final RetrySchedule schedule;
    private final MeterRegistry registry;
    private final NotificationEvents events;
    private final Clock clock;

    public DeliveryOutcomes(DeliveryRepository deliveries, GatewayEndpointRepository endpoints, NotificationConfig config,
                            MeterRegistry registry, NotificationEvents events, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.schedule = new RetrySchedule(config.webhook().retrySchedule(), new SecureRandom());
        this.registry = registry;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void record(UUID deliveryId, WebhookCall call) {
        Delivery delivery = deliveries.findById(deliveryId);
        Instant now = clock.instant();
        delivery.attempts++;
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = deliveryId;
        attempt.attempt = delivery.attempts;
        attempt.attemptedAt = now;
        attempt.statusCode = call.statusCode();
        attempt.error = call.error();
        attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, call.took().toMillis());
        attempt.persist();

        String outcome;
        if (call.succeeded()) {
            delivery.delivered(now);
            events.delivered(delivery, now);
            outcome = "delivered";
        } else if (call.gone()) {
            GatewayEndpoint endpoint = endpoints.findById(delivery.recipient);
            endpoint.disabledAt = now;
            endpoint.disabledReason = "gateway answered 410 Gone";
            delivery.retryAt(now, call.describe());
            outcome = "endpoint-disabled";
        } else {
            var next = schedule.next(delivery.scheduledAttempts(), now, call.retryAfter());
            if (next.isPresent()) {
                delivery.retryAt(next.get(), call.describe());
                outcome = "retry";
            } else {
                delivery.dead(call.describe());
                events.undeliverable(delivery, now, call.describe());
                outcome = "dead";
            }
        }
        registry.counter("webhook.attempts", "outcome", outcome).increment();
    }

    /** When a delivery cannot even be attempted (no usable secret), it waits like a failed attempt would. */
    @Transactional
    public void postpone(UUID deliveryId, String reason) {
        Delivery delivery = deliveries.findById(deliveryId);
        delivery.retryAt(clock.instant().plusSeconds(60), reason);
    }
}
