package exchange.safeguarding.deploy.benchmarks;

import exchange.safeguarding.deploy.local.LocalPlatform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast each service starts and how much memory it holds: the time from starting its process to its
 * readiness check answering 200, with the rest of the platform up and nothing else starting; and its resident
 * set size (VmRSS in /proc), idle and under load.
 */
final class ServiceFootprint {

    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final LocalPlatform platform;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    ServiceFootprint(LocalPlatform platform) {
        this.platform = platform;
    }

    /**
     * Stops each service in turn and starts it again alone, timing process start to ready. Readiness is polled every
     * 10 ms (the launcher's own wait polls every 250 ms, too coarse to time a start).
     */
    Map<String, Duration> restartTimes(List<String> services) throws Exception {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (String service : services) {
            platform.stopService(service);
            Thread.sleep(1000); // its port and its consumer group membership released
            String ready = platform.serviceUrl(service) + "/q/health/ready";
            Map<String, Long> readyAt = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            Thread poller = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted() && System.nanoTime() - started < Duration.ofSeconds(120).toNanos()) {
                    if (answers200(ready)) {
                        readyAt.put(service, System.nanoTime());
                        return;
                    }
                    try {
                        Thread.sleep(10);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "readiness-" + service);
            poller.start();
            platform.startService(service);
            poller.join(5000);
            poller.interrupt();
            Long at = readyAt.get(service);
            if (at == null) {
                throw new IllegalStateException(service + " answered ready to the launcher but not to the 10 ms poll");
            }
            times.put(service, Duration.ofNanos(at - started));
        }
        return times;
    }

    /**
     * What Quarkus itself reports for each service's latest start ("started in 1.234s" in its log): from its main
     * method to listening, so without the JVM's own start.
     */
    Map<String, Duration> quarkusStartedIn(List<String> services, Path logs) throws IOException {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (String service : services) {
            latestQuarkusStart(Files.readString(logs.resolve(service + ".log"))).ifPresent(d -> times.put(service, d));
        }
        return times;
    }

    static Optional<Duration> latestQuarkusStart(String log) {
        Matcher matcher = QUARKUS_STARTED.matcher(log);
        Duration latest = null;
        while (matcher.find()) {
            latest = Duration.ofMillis(Math.round(Double.parseDouble(matcher.group(1)) * 1000));
        }
        return Optional.ofNullable(latest);
    }

    /** Each service's resident set size now, in MB. */
    Map<String, Double> residentMegabytes() throws IOException {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (Map.Entry<String, Long> service : platform.servicePids().entrySet()) {
            rss.put(service.getKey(), residentMegabytes(service.getValue()));
        }
        return rss;
    }

    /** VmRSS of a process, in MB (1024 kB). */
    static double residentMegabytes(long pid) throws IOException {
        return vmRssKilobytes(Files.readString(Path.of("/proc", String.valueOf(pid), "status"))) / 1024.0;
    }

    static long vmRssKilobytes(String procStatus) {
        Matcher matcher = VM_RSS.matcher(procStatus);
        if (!matcher.find()) {
            throw new IllegalStateException("no VmRSS line in /proc/<pid>/status");
        }
        return Long.parseLong(matcher.group(1));
    }

    private boolean answers200(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
