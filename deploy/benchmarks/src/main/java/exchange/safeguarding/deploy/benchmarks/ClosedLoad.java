package exchange.safeguarding.deploy.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load: each client thread makes one call after another as fast as the answers come, first for a
 * warm-up (not counted), then for the measured window. Throughput and latencies count only calls that succeeded
 * and finished inside the window; every other outcome is counted by name, so refusals and errors are reported
 * instead of hiding in the rate.
 */
final class ClosedLoad {

    static final String OK = "ok";

    /** One call by one client thread; answers {@link #OK} or what went wrong (e.g. "HTTP 429"). */
    @FunctionalInterface
    interface Call {
        String call(int thread) throws Exception;
    }

    record Result(Latencies latencies, double perSecond, Map<String, Long> failures, Duration window) {
        long failed() {
            return failures.values().stream().mapToLong(Long::longValue).sum();
        }

        String failureSummary() {
            return failures.isEmpty() ? "none" : failures.toString();
        }
    }

    private ClosedLoad() {
    }

    static Result run(int threads, Duration warmUp, Duration window, Call call) throws InterruptedException {
        long windowStart = System.nanoTime() + warmUp.toNanos();
        long windowEnd = windowStart + window.toNanos();
        List<List<Long>> perThread = new ArrayList<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Long> latencies = new ArrayList<>();
            perThread.add(latencies);
            int thread = t;
            Thread client = new Thread(() -> {
                while (System.nanoTime() < windowEnd) {
                    long started = System.nanoTime();
                    String outcome;
                    try {
                        outcome = call.call(thread);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    long finished = System.nanoTime();
                    boolean inWindow = finished >= windowStart && finished <= windowEnd;
                    if (OK.equals(outcome)) {
                        if (inWindow) {
                            latencies.add(finished - started);
                        }
                    } else {
                        if (inWindow) {
                            failures.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                        }
                        pause(); // an error storm must not become a busy loop
                    }
                }
            }, "client-" + t);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        List<Long> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        Map<String, Long> counted = new TreeMap<>();
        failures.forEach((outcome, n) -> counted.put(outcome, n.sum()));
        return new Result(Latencies.ofNanos(all), all.size() / (window.toNanos() / 1e9), counted, window);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
