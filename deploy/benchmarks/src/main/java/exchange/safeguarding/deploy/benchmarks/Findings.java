package exchange.safeguarding.deploy.benchmarks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything one run measured, filled in phase by phase; a phase that failed leaves its figures empty and says
 * why in {@link #problems}, and the report shows the rest.
 */
final class Findings {

    /** Issue 8's targets. */
    static final double INTAKE_TO_RAW_INSERT_AT_LEAST = 0.5;
    static final double END_TO_END_P99_TO_KAFKA_P99_AT_MOST = 5.0;
    static final Duration READY_UNDER = Duration.ofSeconds(3);
    static final double IDLE_RSS_UNDER_MB = 250;

    enum Verdict { MET, MISSED, NOT_MEASURED }

    record Target(String what, String measured, Verdict verdict) {
    }

    Duration platformStartedIn;
    Duration demoSeededIn;
    Map<String, Duration> launcherStartTimes = Map.of();
    Map<String, Duration> readyTimes = new LinkedHashMap<>();
    Map<String, Duration> quarkusStartedIn = new LinkedHashMap<>();
    Map<String, Double> idleRssMb = new LinkedHashMap<>();
    Map<String, Double> endToEndRssMb = new LinkedHashMap<>();
    Map<String, Double> loadRssMb = new LinkedHashMap<>();
    ClosedLoad.Result rawInsert;
    String postgresCommitSettings = "unknown";
    KafkaEndToEndLatency.Figures kafka;
    ClosedLoad.Result intake;
    RaisedToWebhook.Result endToEndReference;
    RaisedToWebhook.Result endToEnd;
    ClosedLoad.Result sharing;
    Map<String, Long> webhooksByType = Map.of();
    final List<String> problems = new ArrayList<>();
    String loadAverageAtStart = "unknown";
    String loadAverageAtEnd = "unknown";
    Duration took = Duration.ZERO;

    /** Intake rate over the raw insert-transaction rate. */
    double intakeRatio() {
        return intake == null || rawInsert == null || rawInsert.perSecond() == 0 ? Double.NaN
                : intake.perSecond() / rawInsert.perSecond();
    }

    /**
     * End-to-end p99 over Kafka's raw p99. The tool prints whole milliseconds, truncated; a printed 0 is taken as
     * 1 ms, so the ratio is never flattered by a floor it cannot resolve.
     */
    double endToEndRatio() {
        return endToEnd == null || kafka == null || endToEnd.toWebhook().count() == 0 ? Double.NaN
                : endToEnd.toWebhook().p99() / kafkaP99Floor();
    }

    int kafkaP99Floor() {
        return Math.max(kafka.p99Ms(), 1);
    }

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        double intakeRatio = intakeRatio();
        targets.add(new Target("concern intake >= " + INTAKE_TO_RAW_INSERT_AT_LEAST + " x raw PostgreSQL insert transactions",
                Double.isNaN(intakeRatio) ? "not measured" : String.format("%s x (%.0f/s against %.0f/s)", ratio(intakeRatio),
                        intake.perSecond(), rawInsert.perSecond()),
                Double.isNaN(intakeRatio) ? Verdict.NOT_MEASURED
                        : intakeRatio >= INTAKE_TO_RAW_INSERT_AT_LEAST ? Verdict.MET : Verdict.MISSED));
        double e2e = endToEndRatio();
        targets.add(new Target("end-to-end p99 at " + (endToEnd == null ? "the rate" : endToEnd.rate() + "/s")
                + " <= " + END_TO_END_P99_TO_KAFKA_P99_AT_MOST + " x Kafka's raw p99",
                Double.isNaN(e2e) ? "not measured" : String.format("%s x (%.1f ms against %d ms)", ratio(e2e),
                        endToEnd.toWebhook().p99(), kafkaP99Floor()),
                Double.isNaN(e2e) ? Verdict.NOT_MEASURED
                        : e2e <= END_TO_END_P99_TO_KAFKA_P99_AT_MOST ? Verdict.MET : Verdict.MISSED));
        targets.add(new Target("each service ready in under " + READY_UNDER.toSeconds() + " s",
                readyTimes.isEmpty() ? "not measured" : describe(readyTimes, d -> String.format("%.2f s", d.toMillis() / 1000.0)),
                readyTimes.isEmpty() ? Verdict.NOT_MEASURED
                        : readyTimes.values().stream().allMatch(d -> d.compareTo(READY_UNDER) < 0) ? Verdict.MET : Verdict.MISSED));
        targets.add(new Target("each service under " + (int) IDLE_RSS_UNDER_MB + " MB RSS idle",
                idleRssMb.isEmpty() ? "not measured" : describe(idleRssMb, mb -> String.format("%.0f MB", mb)),
                idleRssMb.isEmpty() ? Verdict.NOT_MEASURED
                        : idleRssMb.values().stream().allMatch(mb -> mb < IDLE_RSS_UNDER_MB) ? Verdict.MET : Verdict.MISSED));
        return targets;
    }

    /** Three significant figures: a ratio of 0.0012 must not print as 0.00. */
    static String ratio(double value) {
        return Double.isNaN(value) ? "-" : new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros()
                .toPlainString();
    }

    private static <T> String describe(Map<String, T> perService, Function<T, String> format) {
        StringBuilder out = new StringBuilder();
        perService.forEach((service, value) -> out.append(out.length() == 0 ? "" : ", ")
                .append(service.replace("-service", "")).append(' ').append(format.apply(value)));
        return out.toString();
    }
}
