package exchange.safeguarding.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try again after a failed attempt: the configured delays in turn, each with up to 10% jitter so
 * many deliveries to one recovering gateway do not arrive at once; nothing once the schedule is spent.
 */
public final class RetrySchedule {

    private final List<Duration> delays;
    private final RandomGenerator random;

    public RetrySchedule(List<Duration> delays, RandomGenerator random) {
        this.delays = List.copyOf(delays);
        this.random = random;
    }

    /** @param attemptsMade attempts made so far, including the one that just failed */
    public Optional<Instant> next(int attemptsMade, Instant now, Optional<Duration> retryAfter) {
        if (attemptsMade > delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attemptsMade - 1);
        long jitterMillis = delay.toMillis() / 10 == 0 ? 0 : random.nextLong(delay.toMillis() / 10);
        Duration planned = delay.plusMillis(jitterMillis);
        // The receiver's Retry-After wins when it asks for longer.
        Duration wait = retryAfter.filter(r -> r.compareTo(planned) > 0).orElse(planned);
        return Optional.of(now.plus(wait));
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }
}
