package exchange.safeguarding.deploy.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/** Measured latencies (nanoseconds, sorted), read as nearest-rank percentiles in milliseconds. */
public final class Latencies {

    private final long[] sortedNanos;

    private Latencies(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    public static Latencies ofNanos(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    public static Latencies ofNanos(Collection<Long> nanos) {
        return ofNanos(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The smallest latency at or below which {@code fraction} of them fall (nearest rank); NaN if none. */
    public double millisAt(double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.min(sortedNanos.length, Math.max(rank, 1)) - 1] / 1e6;
    }

    public double p50() {
        return millisAt(0.50);
    }

    public double p95() {
        return millisAt(0.95);
    }

    public double p99() {
        return millisAt(0.99);
    }

    public double max() {
        return millisAt(1.0);
    }

    /** "p50 1.2 ms   p95 ...   p99 ...   max ..." for the report. */
    public String summary() {
        return String.format("p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms   max %7.2f ms", p50(), p95(), p99(), max());
    }
}
