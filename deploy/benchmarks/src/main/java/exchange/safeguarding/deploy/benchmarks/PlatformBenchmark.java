package exchange.safeguarding.deploy.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The platform benchmarks, one command (see docs/benchmarks.md): starts an isolated platform with the demo
 * partnership, measures the raw PostgreSQL and Kafka floors, concern intake, concern-raised-to-webhook at a steady
 * rate, sharing decisions, and each service's start time and memory, then writes target/benchmarks/platform.txt
 * and platform-latency.svg. Targets missed are reported, not failed; the run fails (exit 1) only when a phase
 * could not measure, e.g. webhooks that never arrived.
 */
public final class PlatformBenchmark {

    private PlatformBenchmark() {
    }

    /** One measured phase; a failure is recorded and the next phase still runs. */
    @FunctionalInterface
    private interface Phase {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.fromSystemProperties();
        Findings findings = new Findings();
        findings.loadAverageAtStart = MachineFacts.loadAverage();
        long began = System.nanoTime();
        stopAfter(settings.smoke() ? Duration.ofMinutes(8) : Duration.ofMinutes(15));
        say("starting an isolated platform with the demo partnership (about a minute)");
        try (BenchmarkPlatform platform = BenchmarkPlatform.start(Path.of("target", "platform-home").toAbsolutePath())) {
            findings.platformStartedIn = platform.startedIn;
            findings.demoSeededIn = platform.seededIn;
            findings.launcherStartTimes = platform.platform.startTimes();
            measure(platform, settings, findings);
            findings.webhooksByType = platform.gateways.countsByType();
            say("stopping the platform");
        } catch (Exception e) {
            findings.problems.add("the platform could not be started or stopped: " + e);
        }
        findings.took = Duration.ofNanos(System.nanoTime() - began);
        findings.loadAverageAtEnd = MachineFacts.loadAverage();
        String report = write(findings, settings);
        System.out.println(report);
        System.exit(findings.problems.isEmpty() ? 0 : 1);
    }

    private static void measure(BenchmarkPlatform platform, BenchmarkSettings s, Findings f) throws Exception {
        ServiceFootprint footprint = new ServiceFootprint(platform.platform);
        phase(f, "start time of each service alone, then idle memory", () -> {
            f.readyTimes.putAll(footprint.restartTimes(BenchmarkPlatform.SERVICES));
            f.quarkusStartedIn.putAll(footprint.quarkusStartedIn(BenchmarkPlatform.SERVICES,
                    platform.settings.home().resolve("logs")));
            Thread.sleep(s.idleSettle().toMillis());
            f.idleRssMb.putAll(footprint.residentMegabytes());
        });
        phase(f, "raw floor: PostgreSQL single-row insert transactions", () -> {
            RawPostgres postgres = new RawPostgres(platform.settings.jdbcBase(), platform.settings.postgresUser(),
                    platform.settings.postgresPassword());
            f.postgresCommitSettings = postgres.commitSettings();
            f.rawInsert = postgres.insertTransactions(s.clientThreads(), Duration.ofSeconds(2), s.rawInsert());
        });
        phase(f, "raw floor: Kafka's end-to-end latency tool", () -> f.kafka = KafkaEndToEndLatency.run(
                platform.settings.kafkaBootstrap(), s.kafkaMessages(), s.kafkaMessageBytes(), Duration.ofMinutes(3)));

        Map<String, Long> pids = platform.platform.servicePids();
        try (MemorySampler anyLoad = new MemorySampler(pids)) {
            phase(f, "concern intake", () -> {
                f.intake = new ConcernIntake(platform).run(s.clientThreads(), s.intakeWarmUp(), s.intake());
                if (f.intake.latencies().count() == 0) {
                    f.problems.add("concern intake: no concern was accepted; refused or failed: " + f.intake.failureSummary());
                }
            });
            awaitQuiet(platform);
            phase(f, "sharing decisions", () -> {
                f.sharing = new SharingDecisions(platform).run(s.sharingThreads(), s.sharingWarmUp(), s.sharing());
                if (f.sharing.latencies().count() == 0) {
                    f.problems.add("sharing decisions: none approved; refused or failed: " + f.sharing.failureSummary());
                }
            });
            awaitQuiet(platform);
            // Last, because a rate the platform cannot keep up with leaves a backlog behind it.
            phase(f, "end to end at " + s.referenceRate() + "/s (reference)", () -> f.endToEndReference =
                    new RaisedToWebhook(platform).run(s.referenceRate(), s.referenceWarmUp(), s.reference(),
                            BenchmarkSettings.REFERENCE_DRAIN));
            awaitQuiet(platform);
            try (MemorySampler endToEndLoad = new MemorySampler(pids)) {
                phase(f, "end to end at " + s.endToEndRate() + "/s", () -> {
                    f.endToEnd = new RaisedToWebhook(platform).run(s.endToEndRate(), s.endToEndWarmUp(), s.endToEnd(),
                            s.endToEndDrain());
                    if (f.endToEnd.received() == 0) {
                        f.problems.add("end to end: no concern.raised.v1 webhook arrived; failures: " + f.endToEnd.failures());
                    }
                });
                f.endToEndRssMb.putAll(endToEndLoad.peaks());
            }
            f.loadRssMb.putAll(anyLoad.peaks());
        }
    }

    private static void phase(Findings findings, String name, Phase phase) {
        say(name);
        try {
            phase.run();
        } catch (Exception e) {
            findings.problems.add(name + ": " + e);
            e.printStackTrace();
        }
    }

    /** Lets the webhooks of the previous phase drain, so one phase's backlog is not measured as the next one's. */
    private static void awaitQuiet(BenchmarkPlatform platform) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long last = -1;
        while (System.nanoTime() < deadline) {
            long received = platform.gateways.countsByType().values().stream().mapToLong(Long::longValue).sum();
            if (received == last) {
                return;
            }
            last = received;
            Thread.sleep(3000);
        }
    }

    private static String write(Findings findings, BenchmarkSettings settings) throws Exception {
        Path out = Path.of("target", "benchmarks");
        Files.createDirectories(out);
        String report = PlatformReport.text(findings, settings, MachineFacts.here(), Instant.now());
        Files.writeString(out.resolve("platform.txt"), report);
        Files.writeString(out.resolve("platform-latency.svg"), LatencyChart.svg(
                "Safeguarding Exchange: latency of each path next to its raw floor" + (settings.smoke() ? " (smoke run)" : ""),
                chartRows(findings)));
        return report + "\nwritten: " + out.toAbsolutePath().resolve("platform.txt") + " and platform-latency.svg\n";
    }

    private static List<LatencyChart.Row> chartRows(Findings f) {
        List<LatencyChart.Row> rows = new ArrayList<>();
        if (f.rawInsert != null) {
            rows.add(new LatencyChart.Row("PostgreSQL insert transaction (raw)", f.rawInsert.latencies().p50(),
                    f.rawInsert.latencies().p99(), true));
        }
        if (f.intake != null) {
            rows.add(new LatencyChart.Row("POST /concerns, closed loop", f.intake.latencies().p50(), f.intake.latencies().p99(), false));
        }
        if (f.kafka != null) {
            // The tool truncates to whole ms: draw a printed 0 as the 1 ms it may be.
            rows.add(new LatencyChart.Row("Kafka end-to-end tool (raw)", Math.max(f.kafka.p50Ms(), 1), f.kafkaP99Floor(), true));
        }
        for (RaisedToWebhook.Result e : Arrays.asList(f.endToEndReference, f.endToEnd)) {
            if (e != null) {
                rows.add(new LatencyChart.Row("concern raised -> webhook, " + e.rate() + "/s" + (e.unresolved() > 0 ? " (lower bound)" : ""),
                        e.toWebhook().p50(), e.toWebhook().p99(), false));
            }
        }
        if (f.sharing != null) {
            rows.add(new LatencyChart.Row("POST /sharing-requests", f.sharing.latencies().p50(), f.sharing.latencies().p99(), false));
        }
        return rows;
    }

    /** The run is bounded: past its time, it stops the platform (shutdown hook) and exits. */
    private static void stopAfter(Duration bound) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(bound.toMillis());
                System.err.println("The benchmark ran past its bound of " + bound.toMinutes() + " minutes; stopping.");
                System.exit(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "benchmark-time-bound");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void say(String what) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " benchmark: " + what);
    }
}
