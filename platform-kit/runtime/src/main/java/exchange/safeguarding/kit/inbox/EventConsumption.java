package exchange.safeguarding.kit.inbox;

import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.kit.events.MalformedEventException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one way a service consumes an event: parse the envelope, then apply the effect and record the
 * event id in one transaction. While the service's own database is away, events wait for it rather than
 * fail ({@link DatabaseOutage}). Other transient failures are retried here with back-off; what still fails
 * (or can never be parsed) is thrown, so the channel's dead-letter strategy moves it aside and the
 * partition moves on.
 */
@ApplicationScoped
public class EventConsumption {

    private static final Logger LOG = Logger.getLogger(EventConsumption.class);

    private final EventCodec codec;
    private final Inbox inbox;
    private final MeterRegistry registry;
    private final AgroalDataSource dataSource;
    private final DatabaseOutage outage;

    public EventConsumption(EventCodec codec, Inbox inbox, MeterRegistry registry, AgroalDataSource dataSource,
                            @ConfigProperty(name = "kit.inbox.database-outage-patience", defaultValue = "40S") Duration patience) {
        this.codec = codec;
        this.inbox = inbox;
        this.registry = registry;
        this.dataSource = dataSource;
        this.outage = DatabaseOutage.of(this::databaseAnswers, patience);
    }

    /**
     * A poll's worth of events from one partition-ordered channel, in order and in one transaction: one commit
     * instead of one per event, which is what keeps a busy topic's consumer ahead of its producers. While the
     * database is away the batch waits for it; if the batch fails otherwise, each event is tried on its own (with retries) so one bad event cannot hold up the rest; if
     * any still fails, the exception goes back to the channel, whose dead-letter strategy sets the batch aside.
     * The events already applied are in the inbox, so a replay from the dead-letter topic changes nothing.
     */
    public void consumeAll(String consumer, List<String> messages, Consumer<CloudEvent> effect) {
        if (messages.isEmpty()) {
            return;
        }
        try {
            int applied = outage.waitingOut(consumer, () -> QuarkusTransaction.requiringNew().call(() -> {
                int count = 0;
                for (String message : messages) {
                    CloudEvent event = codec.read(message);
                    if (inbox.firstDelivery(consumer, event.id(), event.type())) {
                        effect.accept(event);
                        count++;
                    }
                }
                return count;
            }));
            registry.counter("inbox.events", "consumer", consumer, "outcome", "applied").increment(applied);
            registry.counter("inbox.events", "consumer", consumer, "outcome", "duplicate").increment(messages.size() - applied);
            return;
        } catch (DatabaseOutage.StillUnavailable stillAway) {
            throw stillAway; // event by event would only wait again, each as long
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

    /** Whether the service's database answers a query now (a broken pooled connection is discarded on the way). */
    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** Through the container, so that consume's retries apply. */
    private EventConsumption self() {
        return io.quarkus.arc.Arc.container().instance(EventConsumption.class).get();
    }

    /**
     * One event, in its own transaction. While the service's database is away the event waits for it (see
     * {@link DatabaseOutage}); other failures are retried here with back-off, then thrown to the dead-letter strategy.
     */
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = {MalformedEventException.class, DatabaseOutage.StillUnavailable.class})
    @ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(String consumer, String message, Consumer<CloudEvent> effect) {
        CloudEvent event = codec.read(message);
        boolean applied = outage.waitingOut(consumer, () -> QuarkusTransaction.requiringNew().call(() -> {
            if (!inbox.firstDelivery(consumer, event.id(), event.type())) {
                return false;
            }
            effect.accept(event);
            return true;
        }));
        registry.counter("inbox.events", "consumer", consumer, "outcome", applied ? "applied" : "duplicate").increment();
        if (!applied) {
            LOG.debugf("%s ignored redelivered event %s", consumer, event.id());
        }
    }
}
