package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Faults one after another, each followed by a recovery period under the same load: what was broken, when, for how
 * long, and when every service was ready again. Whatever a fault broke is put back even if the drill fails half way,
 * so the platform the other system tests share is whole when it ends.
 */
final class FaultDrill {

    static final List<String> SERVICES = List.of(PlatformSettings.AGREEMENT, PlatformSettings.CONCERN,
            PlatformSettings.SHARING, PlatformSettings.NOTIFICATION);

    /**
     * One fault: injected at {@code started}, in full effect at {@code broken} (a broker or database stops gracefully,
     * serving a moment longer), put right at {@code restored}, every service ready at {@code ready}, a
     * concern accepted after the repair told to its gateway at {@code flowing}, and the recovery period over at
     * {@code ended}.
     */
    record Window(String fault, Instant started, Instant broken, Instant restored, Instant ready, Instant flowing, Instant ended) {
        boolean covers(Instant at) {
            return !at.isBefore(started) && at.isBefore(ended);
        }

        Duration down() {
            return Duration.between(started, restored);
        }

        Duration untilReady() {
            return Duration.between(started, ready);
        }

        Duration untilFlowing() {
            return Duration.between(started, flowing);
        }
    }

    interface Action {
        void run() throws Exception;
    }

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    private final LocalPlatform platform;
    private final Duration recovery;
    private final Predicate<Instant> toldSince;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Window> windows = new ArrayList<>();
    private Action pendingRepair;

    /**
     * {@code toldSince}: whether a concern accepted at or after the given time has reached its gateway, i.e. events
     * flow end to end again; the next fault waits for it, so each one meets a platform that had caught up.
     */
    FaultDrill(LocalPlatform platform, Duration recovery, Predicate<Instant> toldSince) {
        this.platform = platform;
        this.recovery = recovery;
        this.toldSince = toldSince;
    }

    /** Load with nothing broken, for comparison. */
    void steady(String what) throws InterruptedException {
        Instant started = Instant.now();
        Instant flowing = awaitFlowing(started);
        Thread.sleep(recovery.toMillis());
        windows.add(new Window(what, started, started, started, started, flowing, Instant.now()));
    }

    /** Breaks something, leaves it broken for {@code outage}, repairs it, waits for every service, then recovers. */
    void inject(String fault, Action breakIt, Duration outage, Action repair) throws Exception {
        Instant started = Instant.now();
        System.out.printf("%s fault: %s%n", started, fault);
        pendingRepair = repair;
        Instant broken = started;
        try {
            breakIt.run();
            broken = Instant.now();
            Thread.sleep(outage.toMillis());
        } finally {
            repairNow();
        }
        Instant restored = Instant.now();
        awaitEveryServiceReady();
        Instant ready = Instant.now();
        Instant flowing = awaitFlowing(restored);
        System.out.printf("%s repaired after %d ms, every service ready after %d ms, webhooks flowing after %d ms%n",
                flowing, Duration.between(started, restored).toMillis(), Duration.between(started, ready).toMillis(),
                Duration.between(started, flowing).toMillis());
        Thread.sleep(recovery.toMillis());
        windows.add(new Window(fault, started, broken, restored, ready, flowing, Instant.now()));
    }

    List<Window> windows() {
        return List.copyOf(windows);
    }

    /**
     * For the end of the test whatever happened: repairs what is still broken, starts any service that is not running
     * and waits until all are ready.
     */
    void leaveThePlatformWhole() throws Exception {
        repairNow();
        for (String service : SERVICES) {
            if (!platform.serviceRunning(service)) {
                platform.startService(service);
            }
        }
        awaitEveryServiceReady();
    }

    private void repairNow() throws Exception {
        Action repair = pendingRepair;
        if (repair != null) {
            repair.run();
            pendingRepair = null;
        }
    }

    private Instant awaitFlowing(Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!toldSince.test(since)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no concern accepted since " + since + " reached its gateway within "
                        + READY_WITHIN.toSeconds() + " s");
            }
            Thread.sleep(250);
        }
        return Instant.now();
    }

    void awaitEveryServiceReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        for (String service : SERVICES) {
            while (!ready(service)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(service + " was not ready within " + READY_WITHIN.toSeconds() + " s");
                }
                Thread.sleep(250);
            }
        }
    }

    private boolean ready(String service) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(platform.serviceUrl(service) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
