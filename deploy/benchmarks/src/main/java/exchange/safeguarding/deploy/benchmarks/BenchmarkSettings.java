package exchange.safeguarding.deploy.benchmarks;

import java.time.Duration;

/**
 * How long and how hard each phase runs. The full run stays within about ten minutes on a small machine;
 * {@code -Dbenchmark.smoke=true} shortens every phase to prove the run works in two or three minutes (its figures
 * are too short to quote).
 *
 * @param clientThreads   client threads of the intake test, and so of the raw PostgreSQL insert floor
 * @param endToEndRate    concerns raised per second, open loop, in the end-to-end phase
 * @param endToEndDrain   how long after the last concern is due its webhooks may still arrive
 * @param referenceRate   a low rate also measured end to end, first, to show the path's latency when not overloaded
 * @param sharingThreads  client threads asking to share at once
 * @param kafkaMessages   messages Kafka's end-to-end latency tool sends, one at a time
 * @param kafkaMessageBytes size of each, about a platform event's
 */
public record BenchmarkSettings(
        boolean smoke,
        int clientThreads,
        Duration rawInsert,
        int kafkaMessages,
        int kafkaMessageBytes,
        Duration intakeWarmUp,
        Duration intake,
        int endToEndRate,
        Duration endToEndWarmUp,
        Duration endToEnd,
        Duration endToEndDrain,
        int referenceRate,
        Duration referenceWarmUp,
        Duration reference,
        int sharingThreads,
        Duration sharingWarmUp,
        Duration sharing,
        Duration idleSettle) {

    static final int REFERENCE_RATE = 25;
    static final Duration REFERENCE_DRAIN = Duration.ofSeconds(30);
    static final String COMMAND = "./mvnw -B -Pbenchmarks -pl deploy/benchmarks -am verify -DskipTests";

    static BenchmarkSettings fromSystemProperties() {
        boolean smoke = Boolean.parseBoolean(System.getProperty("benchmark.smoke", "false"));
        int threads = Integer.getInteger("benchmark.threads", 8);
        int rate = Integer.getInteger("benchmark.rate", 200);
        return smoke
                ? new BenchmarkSettings(true, threads, seconds(4), 500, 1000, seconds(3), seconds(5), rate, seconds(3),
                        seconds(10), seconds(30), REFERENCE_RATE, seconds(2), seconds(5), 4, seconds(2), seconds(5), seconds(3))
                : new BenchmarkSettings(false, threads, seconds(20), 5000, 1000, seconds(15), seconds(30), rate, seconds(15),
                        seconds(60), seconds(60), REFERENCE_RATE, seconds(5), seconds(30), 4, seconds(10), seconds(30), seconds(10));
    }

    /** The command that repeats this run, as the report prints it. */
    String command() {
        StringBuilder command = new StringBuilder(COMMAND);
        if (smoke) {
            command.append(" -Dbenchmark.smoke=true");
        }
        if (clientThreads != 8) {
            command.append(" -Dbenchmark.threads=").append(clientThreads);
        }
        if (endToEndRate != 200) {
            command.append(" -Dbenchmark.rate=").append(endToEndRate);
        }
        return command.toString();
    }

    private static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
