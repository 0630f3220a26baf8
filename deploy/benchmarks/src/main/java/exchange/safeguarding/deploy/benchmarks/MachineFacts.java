package exchange.safeguarding.deploy.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the figures were measured on, for the report: they mean little without it. */
record MachineFacts(int cores, String cpu, double memoryGb, String os, String runtime) {

    static MachineFacts here() {
        String cpu = firstMatch(Path.of("/proc/cpuinfo"), "model name\\s*:\\s*(.+)").orElse("unknown CPU");
        double memoryGb = firstMatch(Path.of("/proc/meminfo"), "MemTotal:\\s+(\\d+) kB")
                .map(kb -> Long.parseLong(kb) / 1024.0 / 1024.0).orElse(Double.NaN);
        return new MachineFacts(Runtime.getRuntime().availableProcessors(), cpu, memoryGb,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " ("
                        + System.getProperty("java.vendor") + ")");
    }

    /** The 1, 5 and 15 minute load averages: how busy the machine was with other work too. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    private static Optional<String> firstMatch(Path file, String regex) {
        try {
            Matcher matcher = Pattern.compile(regex).matcher(Files.readString(file));
            return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
