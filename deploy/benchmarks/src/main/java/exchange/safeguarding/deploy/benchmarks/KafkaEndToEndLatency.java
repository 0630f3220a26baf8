package exchange.safeguarding.deploy.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The broker floor: Kafka's own end-to-end latency tool ({@code org.apache.kafka.tools.EndToEndLatency}, what
 * {@code kafka-e2e-latency.sh} runs), in its own JVM as that script would, against the platform's broker on a
 * scratch topic. It produces one message, waits until its consumer has it, and repeats; it prints whole
 * milliseconds (truncated), so "1" means from 1 to just under 2 ms.
 */
final class KafkaEndToEndLatency {

    static final String TOOL = "org.apache.kafka.tools.EndToEndLatency";
    static final String TOPIC = "benchmark.kafka-e2e-latency";

    /** What the tool printed: its average and its three percentiles, in milliseconds. */
    record Figures(double averageMs, int p50Ms, int p99Ms, int p999Ms) {
    }

    private static final Pattern AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final Pattern PERCENTILES = Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");

    private KafkaEndToEndLatency() {
    }

    static Figures run(String bootstrap, int messages, int messageBytes, Duration timeout) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), TOOL,
                bootstrap, TOPIC, String.valueOf(messages), "all", String.valueOf(messageBytes));
        Process tool = new ProcessBuilder(command).redirectErrorStream(true).start();
        // Read while it runs, so a full pipe never blocks it.
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(')');
            }
        }, "kafka-tool-output");
        reader.start();
        if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            tool.destroyForcibly();
            throw new IllegalStateException(TOOL + " did not finish within " + timeout.toSeconds() + " s");
        }
        reader.join(5000);
        if (tool.exitValue() != 0) {
            throw new IllegalStateException(TOOL + " failed (exit " + tool.exitValue() + "):\n" + output);
        }
        return parse(output.toString());
    }

    /** Reads the tool's summary lines; fails when they are missing (a tool that changed its output). */
    static Figures parse(String output) {
        Matcher average = AVERAGE.matcher(output);
        Matcher percentiles = PERCENTILES.matcher(output);
        if (!average.find() || !percentiles.find()) {
            throw new IllegalStateException("no latency summary in the output of " + TOOL + ":\n" + output);
        }
        return new Figures(Double.parseDouble(average.group(1)), Integer.parseInt(percentiles.group(1)),
                Integer.parseInt(percentiles.group(2)), Integer.parseInt(percentiles.group(3)));
    }
}
