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
import java.util.List;
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

    /**
     * A poll's worth of events from one partition-ordered channel, in order and in one transaction: one commit
     * instead of one per event, which is what keeps a busy topic's consumer ahead of its producers. If the
     * batch fails, each event is tried on its own (with retries) so one bad event cannot hold up the rest; if
     * any still fails, the exception goes back to the channel, whose dead-letter strategy sets the batch aside.
     * The events already applied are in the inbox, so a replay from the dead-letter topic changes nothing.
     */
    public void consumeAll(String consumer, List<String> messages, Consumer<CloudEvent> effect) {
        if (messages.isEmpty()) {
            return;
        }
        try {
            int applied = QuarkusTransaction.requiringNew().call(() -> {
                int count = 0;
                for (String message : messages) {
                    CloudEvent event = codec.read(message);
                    if (inbox.firstDelivery(consumer, event.id(), event.type())) {
                        effect.accept(event);
                        count++;
                    }
                }
                return count;
            });
            registry.counter("inbox.events", "consumer", consumer, "outcome", "applied").increment(applied);
            registry.counter("inbox.events", "consumer", consumer, "outcome", "duplicate").increment(messages.size() - applied);
            return;
        } catch (RuntimeException batchFailed) {
            LOG.warnf("%s: a batch of %d events failed (%s); applying them one by one", consumer, messages.size(),
                    batchFailed.getMessage());
        }
        RuntimeException last = null;
        for (String message : messages) {
            try {
                self().consume(consumer, message, effect);
            } catch (RuntimeException e) {
                last = e;
                LOG.errorf("%s could not apply an event: %s", consumer, e.getMessage());
            }
        }
        if (last != null) {
            throw last;
        }
    }

    /** Through the container, so that consume's retries apply. */
    private EventConsumption self() {
        return io.quarkus.arc.Arc.container().instance(EventConsumption.class).get();
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
