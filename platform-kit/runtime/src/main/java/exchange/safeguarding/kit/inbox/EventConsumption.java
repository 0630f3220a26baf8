package exchange.safeguarding.kit.inbox;

import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.kit.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

/**
 * The one way a service consumes an event: parse the envelope, then apply the effect and record the
 * event id in one transaction. Transient failures are retried here with back-off; what still fails (or
 * can never be parsed) is thrown, so the channel's dead-letter strategy moves it aside and the
 * partition moves on.
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final MeterRegistry registry;

    public EventConsumption(EventCodec codec, Inbox inbox, MeterRegistry registry) {
        this.codec = codec;
        this.inbox = inbox;
        this.registry = registry;
    }

    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = MalformedEventException.class)
    @ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String consumer, String message, Consumer<CloudEvent> effect) {
        CloudEvent event = codec.read(message);
        boolean applied = QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer, event.id(), event.type())) {
                return false;
            }
            effect.accept(event);
            return true;
        });
        registry.counter("inbox.events", "consumer", consumer, "outcome", applied ? "applied" : "duplicate").increment();
        if (!applied) {
            LOG.debugf("%s ignored redelivered event %s", consumer, event.id());
        }
    }
}
