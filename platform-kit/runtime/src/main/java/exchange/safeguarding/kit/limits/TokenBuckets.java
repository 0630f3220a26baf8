package exchange.safeguarding.kit.limits;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller: a caller may make {@code burst} requests at once, then one more every
 * {@code 1 / ratePerSecond} seconds. Buckets live in memory, per service instance; a bucket that has refilled
 * completely holds no information, so idle ones are dropped when many callers are tracked.
 */
public final class TokenBuckets {

    /** Beyond this many callers, full (idle) buckets are forgotten; a forgotten caller starts again with a full bucket. */
    static final int TRACKED_BEFORE_CLEAN_UP = 10_000;

    private final double ratePerNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double ratePerSecond, int burst, LongSupplier nanoClock) {
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("the rate must be positive and the burst at least 1");
        }
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.capacity = burst;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one token from the caller's bucket. Returns {@link Duration#ZERO} when the request may go ahead, else how
     * long until the next token (the caller's Retry-After).
     */
    public Duration take(String caller) {
        long now = nanoClock.getAsLong();
        if (buckets.size() > TRACKED_BEFORE_CLEAN_UP) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(caller, c -> new Bucket(now)).take(now);
    }

    int tracked() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens = capacity;
        private long refilledAt;

        Bucket(long now) {
            refilledAt = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerNano));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * ratePerNano);
            refilledAt = now;
        }
    }
}
