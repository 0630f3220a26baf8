package exchange.safeguarding.deploy.benchmarks;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Samples each service's resident set size every second while a load runs, keeping the highest seen. */
final class MemorySampler implements AutoCloseable {

    private final Map<String, Long> pids;
    private final Map<String, Double> peaks = new ConcurrentHashMap<>();
    private final Thread sampler;

    MemorySampler(Map<String, Long> pids) {
        this.pids = new LinkedHashMap<>(pids); // the platform's order
        this.sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        while (!Thread.currentThread().isInterrupted()) {
            pids.forEach((service, pid) -> {
                try {
                    peaks.merge(service, ServiceFootprint.residentMegabytes(pid), Math::max);
                } catch (IOException e) {
                    // The process is gone; its absence shows in the report.
                }
            });
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The highest resident set size sampled, in MB, per service. */
    Map<String, Double> peaks() {
        Map<String, Double> ordered = new LinkedHashMap<>();
        pids.keySet().forEach(service -> ordered.put(service, peaks.getOrDefault(service, Double.NaN)));
        return ordered;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.interrupt();
        sampler.join(2000);
    }
}
