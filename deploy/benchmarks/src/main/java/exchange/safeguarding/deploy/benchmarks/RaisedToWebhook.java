package exchange.safeguarding.deploy.benchmarks;

import exchange.safeguarding.deploy.local.PlatformSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * End to end: concerns raised at a steady rate on an open-loop schedule (each is sent when it is due, whether or
 * not earlier ones have been answered, so a slow platform cannot slow the load down and hide its own delay), timed
 * from when each was due to be sent until the raising organisation's gateway received its concern.raised.v1
 * webhook: HTTP, store, outbox, relay, Kafka, notification-service's consumer, planning, signing, delivery.
 */
final class RaisedToWebhook {

    static final String RAISED = "concern.raised.v1";

    /**
     * The figures of the measured window. {@code unresolved} concerns had no webhook by the end of the drain (or their
     * request timed out, so their id is unknown): they count in the percentiles at the drain's end, a lower bound, so
     * an overloaded platform shows as slow rather than as fast on the few that got through.
     */
    record Result(int rate, int sent, Latencies toWebhook, int received, Latencies httpAnswer, int unresolved,
                  Map<String, Long> failures, double maxSendLagMs) {
    }

    /** One concern sent in the run: when it was due, when it was answered, its id (null if the request failed). */
    private record Raised(long dueNanos, long answeredNanos, String concernId, boolean measured) {
    }

    private final BenchmarkPlatform platform;

    RaisedToWebhook(BenchmarkPlatform platform) {
        this.platform = platform;
    }

    Result run(int rate, Duration warmUp, Duration window, Duration drain) throws InterruptedException {
        String concerns = platform.url(PlatformSettings.CONCERN, "/concerns");
        List<String> organisations = BenchmarkPlatform.ORGANISATIONS;
        organisations.forEach(platform.tokens::gateway); // tokens in hand before the clock starts
        long interval = 1_000_000_000L / rate;
        int warmUpCount = (int) (rate * warmUp.toSeconds());
        int total = warmUpCount + (int) (rate * window.toSeconds());
        ConcurrentLinkedQueue<Raised> raised = new ConcurrentLinkedQueue<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> answers = new ArrayList<>(total);
        long maxLag = 0;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            boolean measured = i >= warmUpCount;
            String organisation = organisations.get(i % organisations.size());
            answers.add(platform.api.postAsync(concerns, platform.tokens.gateway(organisation), InventedConcerns.routine())
                    .handle((answer, error) -> {
                        long answered = System.nanoTime();
                        String outcome = error != null ? error.getClass().getSimpleName()
                                : answer.status() == 201 ? null : "HTTP " + answer.status();
                        if (outcome == null) {
                            raised.add(new Raised(due, answered, answer.text("id"), measured));
                        } else if (measured) {
                            failures.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                            if (error != null) {
                                // No answer in time: the concern may well be stored, and late.
                                raised.add(new Raised(due, answered, null, true));
                            }
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> null).join();
        List<Raised> inWindow = raised.stream().filter(Raised::measured).toList();
        long drainEnd = awaitWebhooks(inWindow, drain);

        List<Long> toWebhook = new ArrayList<>();
        List<Long> httpAnswer = new ArrayList<>();
        int received = 0;
        for (Raised concern : inWindow) {
            httpAnswer.add(concern.answeredNanos() - concern.dueNanos());
            Optional<Long> arrived = arrivalOf(concern);
            if (arrived.isPresent()) {
                received++;
            }
            toWebhook.add(arrived.orElse(drainEnd) - concern.dueNanos());
        }
        Map<String, Long> counted = new TreeMap<>();
        failures.forEach((outcome, n) -> counted.put(outcome, n.sum()));
        return new Result(rate, total - warmUpCount, Latencies.ofNanos(toWebhook), received, Latencies.ofNanos(httpAnswer),
                inWindow.size() - received, counted, maxLag / 1e6);
    }

    private Optional<Long> arrivalOf(Raised concern) {
        return concern.concernId() == null ? Optional.empty() : platform.gateways.arrivalOf(RAISED, concern.concernId());
    }

    /** Waits until every concern's webhook is in, or the drain is over; answers when it stopped waiting. */
    private long awaitWebhooks(List<Raised> window, Duration drain) throws InterruptedException {
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && !window.stream().allMatch(c -> arrivalOf(c).isPresent())) {
            Thread.sleep(200);
        }
        return Math.min(System.nanoTime(), deadline);
    }
}
