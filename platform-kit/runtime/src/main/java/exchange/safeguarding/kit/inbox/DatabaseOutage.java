package exchange.safeguarding.kit.inbox;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Applying an event while the service's own database is away (restarting, failing over): no event can be applied
 * then, and the event is not to blame, so the work is tried again once the database answers instead of being failed
 * and dead-lettered. A failure while the database answers is the event's own and is thrown at once, to the usual
 * retries and dead-letter topic. The fault drill found events dead-lettered, and their webhooks never sent, when one
 * service's database was unreachable for longer than the few seconds of those retries.
 *
 * <p>The wait is bounded by {@code patience}, which must stay below the Kafka connector's
 * {@code throttled.unprocessed-record-max-age.ms} (60 s by default): past that age the connector gives the channel up.
 */
public final class DatabaseOutage {

    /** The database was still away when the patience ran out. */
    public static final class StillUnavailable extends RuntimeException {
        StillUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final BooleanSupplier databaseAnswers;
    private final Duration patience;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;

    DatabaseOutage(BooleanSupplier databaseAnswers, Duration patience, Sleeper sleeper, LongSupplier nanoClock) {
        this.databaseAnswers = databaseAnswers;
        this.patience = patience;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
    }

    static DatabaseOutage of(BooleanSupplier databaseAnswers, Duration patience) {
        return new DatabaseOutage(databaseAnswers, patience, d -> Thread.sleep(d.toMillis()), System::nanoTime);
    }

    /**
     * Does the work; if it fails while the database does not answer, waits (250 ms, doubling to 5 s) and does it
     * again, until it succeeds or fails with the database answering (that failure is thrown), or the patience runs
     * out ({@link StillUnavailable}).
     */
    <T> T waitingOut(String consumer, Supplier<T> work) {
        long started = nanoClock.getAsLong();
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException failure) {
                if (databaseAnswers.getAsBoolean()) {
                    throw failure;
                }
                Duration waited = Duration.ofNanos(nanoClock.getAsLong() - started);
                if (waited.compareTo(patience) >= 0) {
                    throw new StillUnavailable(consumer + ": the database was still unavailable after "
                            + waited.toSeconds() + " s", failure);
                }
                LOG.warnf("%s: the database is unavailable (%s); the event waits for it, %d ms", consumer,
                        failure.getMessage(), pause.toMillis());
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
