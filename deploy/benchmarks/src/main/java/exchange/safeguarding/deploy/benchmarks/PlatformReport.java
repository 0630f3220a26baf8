package exchange.safeguarding.deploy.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Stream;

/** The plain-text report: every figure, its floor, the targets met or missed, the machine and the command. */
final class PlatformReport {

    private PlatformReport() {
    }

    static String text(Findings f, BenchmarkSettings s, MachineFacts machine, Instant at) {
        StringBuilder out = new StringBuilder();
        out.append("Safeguarding Exchange platform benchmarks, ").append(at.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        out.append("command: ").append(s.command()).append('\n');
        if (s.smoke()) {
            out.append("SMOKE RUN: every phase shortened to prove the run works; do not quote these figures.\n");
        }
        out.append(String.format("machine: %d cores (%s), %.1f GB memory, %s; %s%n", machine.cores(), machine.cpu(),
                machine.memoryGb(), machine.os(), machine.runtime()));
        out.append("load average (1, 5, 15 min): ").append(f.loadAverageAtStart).append(" at the start, ")
                .append(f.loadAverageAtEnd).append(" at the end (above the core count means other work shared the machine)\n");
        out.append("""
                everything on this one machine, over loopback: PostgreSQL, the Kafka broker (in the benchmark's own JVM),
                Keycloak, the four services (each its own JVM, -Xmx256m, serial GC, as deploy/local runs them) and the load.
                """);
        out.append(String.format("run took %d s; platform started in %.1f s, demo partnership seeded in %.1f s%n",
                f.took.toSeconds(), seconds(f.platformStartedIn), seconds(f.demoSeededIn)));

        out.append("\nTARGETS (issue 8)\n");
        for (Findings.Target target : f.targets()) {
            out.append(String.format("  %-13s %s: %s%n", "[" + target.verdict().name().replace('_', ' ') + "]", target.what(),
                    target.measured()));
        }

        out.append("\n1. RAW FLOORS, same run, same machine\n");
        if (f.rawInsert != null) {
            out.append(String.format("  a. PostgreSQL single-row INSERT transactions (autocommit, JDBC, the platform's PostgreSQL,"
                    + " scratch database), %d client threads, %d s; server: %s:%n", s.clientThreads(), s.rawInsert().toSeconds(),
                    f.postgresCommitSettings));
            out.append(String.format("     %.0f transactions/s (%,d)   %s   failures: %s%n", f.rawInsert.perSecond(),
                    f.rawInsert.latencies().count(), f.rawInsert.latencies().summary(), f.rawInsert.failureSummary()));
        }
        if (f.kafka != null) {
            out.append(String.format("  b. Kafka's %s (kafka-tools, the broker's version), %,d messages of %d bytes, acks=all,"
                    + " one at a time:%n", KafkaEndToEndLatency.TOOL, s.kafkaMessages(), s.kafkaMessageBytes()));
            out.append(String.format("     average %.2f ms   p50 %d ms   p99 %d ms   p99.9 %d ms (the tool prints whole ms, truncated)%n",
                    f.kafka.averageMs(), f.kafka.p50Ms(), f.kafka.p99Ms(), f.kafka.p999Ms()));
        }

        if (f.intake != null) {
            out.append(String.format("%n2. CONCERN INTAKE: POST /concerns, %d client threads (one agency gateway each, its own token),"
                    + " closed loop, %d s after %d s warm-up%n", s.clientThreads(), s.intake().toSeconds(), s.intakeWarmUp().toSeconds()));
            out.append("   each 201: token checked, body validated, adult matched, concern stored, event in the outbox, one transaction\n");
            out.append(String.format("   %.0f concerns/s (%,d)   %s%n", f.intake.perSecond(), f.intake.latencies().count(),
                    f.intake.latencies().summary()));
            out.append(String.format("   refused or failed: %s%n", f.intake.failureSummary()));
            out.append(String.format("   ratio to raw PostgreSQL inserts: %s (target >= %.1f)%n", Findings.ratio(f.intakeRatio()),
                    Findings.INTAKE_TO_RAW_INSERT_AT_LEAST));
        }

        if (f.endToEnd != null || f.endToEndReference != null) {
            out.append(String.format("%n3. END TO END: concern raised (POST /concerns) -> concern.raised.v1 webhook received by the raiser's"
                    + " gateway, open loop over %d gateways%n", BenchmarkPlatform.ORGANISATIONS.size()));
            out.append(String.format("   each timed from when it was due; at most %d requests open at once, and a concern waiting for one"
                    + " is still timed from when it was due%n", RaisedToWebhook.IN_FLIGHT));
            if (f.endToEndReference != null) {
                endToEnd(out, f.endToEndReference, "reference, a rate well below the target, measured first", s.referenceWarmUp(),
                        s.reference(), BenchmarkSettings.REFERENCE_DRAIN);
            }
            if (f.endToEnd != null) {
                endToEnd(out, f.endToEnd, "the target's rate", s.endToEndWarmUp(), s.endToEnd(), s.endToEndDrain());
                if (f.kafka != null) {
                    out.append(String.format("   ratio of p99 at %d/s to Kafka's raw p99 (%d ms): %s (target <= %.0f)%n", f.endToEnd.rate(),
                            f.kafkaP99Floor(), Findings.ratio(f.endToEndRatio()), Findings.END_TO_END_P99_TO_KAFKA_P99_AT_MOST));
                }
            }
        }

        if (f.sharing != null) {
            out.append(String.format("%n4. SHARING DECISIONS: POST /sharing-requests, %d client threads (one discloser's gateway each),"
                    + " consent recorded, protocol in force, closed loop, %d s after %d s warm-up%n", s.sharingThreads(),
                    s.sharing().toSeconds(), s.sharingWarmUp().toSeconds()));
            out.append(String.format("   %.0f decisions/s (%,d, all APPROVED)   %s%n", f.sharing.perSecond(),
                    f.sharing.latencies().count(), f.sharing.latencies().summary()));
            out.append(String.format("   refused or failed: %s%n", f.sharing.failureSummary()));
            out.append("   (sharing-service's own benchmark gives the figure inside the service; this one includes HTTP and the token check)\n");
        }

        out.append("\n5. START TIME AND MEMORY (resident set size, VmRSS)\n");
        out.append(String.format("   %-22s %12s %14s %10s %16s %20s%n", "service", "ready alone", "(Quarkus says)", "RSS idle",
                "RSS end-to-end", "RSS any load (peak)"));
        for (String service : BenchmarkPlatform.SERVICES) {
            out.append(String.format("   %-22s %12s %14s %10s %16s %20s%n", service, secondsOf(f.readyTimes, service),
                    secondsOf(f.quarkusStartedIn, service),
                    megabytes(f.idleRssMb, service), megabytes(f.endToEndRssMb, service), megabytes(f.loadRssMb, service)));
        }
        out.append("""
                   ready alone: the service stopped and started again with the rest of the platform up, from starting
                   its JVM to /q/health/ready answering 200 (polled every 10 ms); Quarkus says: its own "started in"
                   for that start, which leaves out the JVM's start. RSS idle: after those restarts and a quiet pause,
                   before any load. Under load: highest of samples taken every second.
                """);
        if (!f.launcherStartTimes.isEmpty()) {
            out.append("   the launcher's own start, all four services at once on these cores (time until each was ready):\n   ");
            // In the order the launcher starts them.
            Stream.concat(Stream.of("postgresql", "kafka", "keycloak"),
                            BenchmarkPlatform.SERVICES.stream()).filter(f.launcherStartTimes::containsKey)
                    .forEach(what -> out.append(String.format(" %s %.1f s;", what, seconds(f.launcherStartTimes.get(what)))));
            out.append('\n');
        }

        if (!f.webhooksByType.isEmpty()) {
            out.append("\nwebhooks the gateways received, by type: ").append(f.webhooksByType).append('\n');
        }
        if (!f.problems.isEmpty()) {
            out.append("\nPROBLEMS\n");
            f.problems.forEach(p -> out.append("  - ").append(p).append('\n'));
        }
        return out.toString();
    }

    private static void endToEnd(StringBuilder out, RaisedToWebhook.Result e, String what, Duration warmUp, Duration window,
                                 Duration drain) {
        out.append(String.format("   at %d/s (%s), %d s after %d s warm-up:%n", e.rate(), what, window.toSeconds(), warmUp.toSeconds()));
        out.append(String.format("     %,d due, %,d webhooks received, %,d not by the end of the %d s drain; requests refused or failed: %s%n",
                e.sent(), e.received(), e.unresolved(), drain.toSeconds(), e.failures().isEmpty() ? "none" : e.failures()));
        out.append("     raised -> webhook:  ").append(e.toWebhook().summary()).append('\n');
        out.append("     raised -> 201:      ").append(e.httpAnswer().summary()).append('\n');
        out.append(String.format("     (the schedule itself ran late by at most %.1f ms)%n", e.maxSendLagMs()));
        if (e.unresolved() > 0) {
            out.append(String.format("     the %,d without a webhook count at the drain's end, so from %s on these are lower"
                    + " bounds: the platform did not keep up with %d/s%n", e.unresolved(),
                    percentileOrdinal(1.0 - (double) e.unresolved() / (e.received() + e.unresolved())), e.rate()));
        }
    }

    private static String percentileOrdinal(double fraction) {
        return String.format("p%.1f", Math.max(0, fraction * 100));
    }

    private static String secondsOf(Map<String, Duration> perService, String service) {
        Duration d = perService.get(service);
        return d == null ? "-" : String.format("%.2f s", d.toMillis() / 1000.0);
    }

    private static String megabytes(Map<String, Double> perService, String service) {
        Double mb = perService.get(service);
        return mb == null || mb.isNaN() ? "-" : String.format("%.0f MB", mb);
    }

    private static double seconds(Duration d) {
        return d == null ? Double.NaN : d.toMillis() / 1000.0;
    }
}
