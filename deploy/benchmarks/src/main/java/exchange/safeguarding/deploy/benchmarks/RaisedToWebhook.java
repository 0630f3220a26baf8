package exchange.safeguarding.deploy.benchmarks;

import exchange.safeguarding.deploy.local.PlatformSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * End to end: concerns raised at a steady rate on an open-loop schedule, timed from when each was due to be sent
 * until the raising organisation's gateway received its concern.raised.v1 webhook (HTTP, store, outbox, relay,
 * Kafka, notification-service's consumer, planning, signing, delivery).
 *
 * <p>Open loop: each concern is due at its time whether or not earlier ones were answered, so a slow platform
 * cannot slow the load down and hide its own delay. As the agencies' systems would, the senders keep at most
 * {@link #IN_FLIGHT} requests open at once; a concern that has to wait for one is still timed from when it was
 * due. Whatever has no webhook when the drain ends (not sent by then, not answered, or not yet delivered) counts
 * at the drain's end, a lower bound, so an overloaded platform shows as slow rather than as fast on the few
 * concerns that got through.
 */
final class RaisedToWebhook {

    static final String RAISED = "concern.raised.v1";
    /** Open requests at once, over all the gateways: eight agencies' systems with eight connections each. */
    static final int IN_FLIGHT = 64;

    /**
     * The figures of the measured window: {@code toWebhook} over every concern due in it that was not refused
     * ({@code unresolved} of them at the drain's end), {@code httpAnswer} over the 201s.
     */
    record Result(int rate, int sent, Latencies toWebhook, int received, Latencies httpAnswer, int unresolved,
                  Map<String, Long> failures, double maxSendLagMs) {
    }

    /** What became of one concern: when it was answered, its id (null if the request failed), or its refusal. */
    private record Answered(long answeredNanos, String concernId, String refusal) {
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
        long start = System.nanoTime() + 100_000_000L;
        long deadline = start + total * interval + drain.toNanos();

        AtomicReferenceArray<Answered> answers = new AtomicReferenceArray<>(total);
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        Semaphore openRequests = new Semaphore(IN_FLIGHT);
        // One dispatcher, first come first served: the schedule never waits, the dispatcher waits for a free request.
        ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "end-to-end-dispatcher");
            t.setDaemon(true);
            return t;
        });
        long maxLag = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            int index = i;
            String organisation = organisations.get(i % organisations.size());
            dispatcher.execute(() -> {
                try {
                    if (!openRequests.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                        return; // never sent before the drain ended
                    }
                } catch (InterruptedException e) {
                    return;
                }
                platform.api.postAsync(concerns, platform.tokens.gateway(organisation), InventedConcerns.routine())
                        .whenComplete((answer, error) -> {
                            openRequests.release();
                            long answered = System.nanoTime();
                            String refusal = error != null ? null : answer.status() == 201 ? null : "HTTP " + answer.status();
                            answers.set(index, new Answered(answered, error == null && refusal == null ? answer.text("id") : null,
                                    refusal));
                            if ((error != null || refusal != null) && index >= warmUpCount) {
                                String outcome = error != null ? error.getClass().getSimpleName() : refusal;
                                failures.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                            }
                        });
            });
        }
        dispatcher.shutdown();
        long stoppedWaiting = awaitWebhooks(answers, warmUpCount, deadline);
        dispatcher.shutdownNow();

        List<Long> toWebhook = new ArrayList<>();
        List<Long> httpAnswer = new ArrayList<>();
        int received = 0;
        int unresolved = 0;
        for (int i = warmUpCount; i < total; i++) {
            long due = start + i * interval;
            Answered answer = answers.get(i);
            if (answer != null && answer.refusal() != null) {
                continue; // refused: no concern was raised, so no webhook is due (counted in failures)
            }
            if (answer != null && answer.concernId() != null) {
                httpAnswer.add(answer.answeredNanos() - due);
            }
            Optional<Long> arrived = arrivalOf(answer);
            if (arrived.isPresent()) {
                received++;
                toWebhook.add(arrived.get() - due);
            } else {
                unresolved++;
                toWebhook.add(stoppedWaiting - due);
            }
        }
        Map<String, Long> counted = new TreeMap<>();
        failures.forEach((outcome, n) -> counted.put(outcome, n.sum()));
        return new Result(rate, total - warmUpCount, Latencies.ofNanos(toWebhook), received, Latencies.ofNanos(httpAnswer),
                unresolved, counted, maxLag / 1e6);
    }

    private Optional<Long> arrivalOf(Answered answer) {
        return answer == null || answer.concernId() == null ? Optional.empty()
                : platform.gateways.arrivalOf(RAISED, answer.concernId());
    }

    /** Waits until every measured concern is answered and its webhook in, or the deadline; answers when it stopped. */
    private long awaitWebhooks(AtomicReferenceArray<Answered> answers, int from, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int i = from; i < answers.length() && all; i++) {
                Answered answer = answers.get(i);
                // Refused or failed: nothing more will come of it.
                all = answer != null && (answer.concernId() == null || arrivalOf(answer).isPresent());
            }
            if (all) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        return deadline;
    }
}
