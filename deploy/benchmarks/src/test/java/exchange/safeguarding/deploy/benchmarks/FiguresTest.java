package exchange.safeguarding.deploy.benchmarks;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The arithmetic and parsing every reported figure rests on. */
class FiguresTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        // 1..100 ms, shuffled order: p50 is the 50th, p99 the 99th, max the 100th.
        long[] nanos = LongStream.rangeClosed(1, 100).map(i -> ((i * 37) % 100 + 1) * 1_000_000L).toArray();
        Latencies latencies = Latencies.ofNanos(nanos);
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50()).isEqualTo(50.0);
        assertThat(latencies.p95()).isEqualTo(95.0);
        assertThat(latencies.p99()).isEqualTo(99.0);
        assertThat(latencies.max()).isEqualTo(100.0);
        assertThat(Latencies.ofNanos(new long[] {3_500_000L}).p99()).isEqualTo(3.5);
        assertThat(Latencies.ofNanos(new long[0]).p99()).isNaN();
    }

    @Test
    void readsKafkaToolSummary() {
        String output = """
                Topic "benchmark.kafka-e2e-latency" does not exist. Will create topic with 1 partition(s) and replication factor = 1
                0\t3.125
                1000\t0.61
                Avg latency: 0.8532 ms
                Percentiles: 50th = 0, 99th = 2, 99.9th = 7
                """;
        KafkaEndToEndLatency.Figures figures = KafkaEndToEndLatency.parse(output);
        assertThat(figures).isEqualTo(new KafkaEndToEndLatency.Figures(0.8532, 0, 2, 7));
        assertThatThrownBy(() -> KafkaEndToEndLatency.parse("Exception in thread main"))
                .hasMessageContaining("no latency summary");
    }

    @Test
    void readsQuarkusOwnStartTimeFromTheLatestStartInTheLog() {
        String log = """
                01:37:59.554 INFO  [io.quarkus] (main) concern-service 0.1.0-SNAPSHOT on JVM started in 17.621s. Listening on: http://0.0.0.0:31025
                01:38:30.001 INFO  [io.quarkus] (Shutdown thread) concern-service stopped in 0.120s
                01:38:34.896 INFO  [io.quarkus] (main) concern-service 0.1.0-SNAPSHOT on JVM started in 5.847s. Listening on: http://0.0.0.0:31025
                """;
        assertThat(ServiceFootprint.latestQuarkusStart(log)).contains(Duration.ofMillis(5847));
        assertThat(ServiceFootprint.latestQuarkusStart("nothing started")).isEmpty();
    }

    @Test
    void readsResidentSetSizeFromProcStatus() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  204800 kB\nRssAnon:\t  150000 kB\n";
        assertThat(ServiceFootprint.vmRssKilobytes(status)).isEqualTo(204_800);
        assertThatThrownBy(() -> ServiceFootprint.vmRssKilobytes("Name:\tjava\n")).hasMessageContaining("VmRSS");
    }

    @Test
    void judgesTargetsAsIssueEightStatesThem() {
        Findings f = new Findings();
        assertThat(f.targets()).allMatch(t -> t.verdict() == Findings.Verdict.NOT_MEASURED);

        f.rawInsert = result(1000, 2);
        f.intake = result(499, 5);
        f.kafka = new KafkaEndToEndLatency.Figures(0.8, 0, 0, 3);
        f.endToEnd = new RaisedToWebhook.Result(200, 12_000, Latencies.ofNanos(new long[] {4_000_000L, 5_000_000L}), 2,
                Latencies.ofNanos(new long[] {2_000_000L}), 0, Map.of(), 0.1);
        f.readyTimes.put("concern-service", Duration.ofMillis(2999));
        f.readyTimes.put("sharing-service", Duration.ofMillis(3000));
        f.idleRssMb.put("concern-service", 249.9);

        // 499/1000 is under half; a Kafka p99 printed as 0 ms counts as 1 ms, so 5 ms is exactly 5 x: met.
        assertThat(f.targets()).extracting(Findings.Target::verdict).containsExactly(Findings.Verdict.MISSED,
                Findings.Verdict.MET, Findings.Verdict.MISSED, Findings.Verdict.MET);
        assertThat(f.endToEndRatio()).isEqualTo(5.0);

        f.intake = result(500, 5);
        f.readyTimes.remove("sharing-service");
        f.idleRssMb.put("sharing-service", 250.0);
        assertThat(f.targets()).extracting(Findings.Target::verdict).containsExactly(Findings.Verdict.MET,
                Findings.Verdict.MET, Findings.Verdict.MET, Findings.Verdict.MISSED);
    }

    private static ClosedLoad.Result result(double perSecond, long latencyMs) {
        return new ClosedLoad.Result(Latencies.ofNanos(new long[] {latencyMs * 1_000_000L}), perSecond, Map.of(),
                Duration.ofSeconds(10));
    }
}
