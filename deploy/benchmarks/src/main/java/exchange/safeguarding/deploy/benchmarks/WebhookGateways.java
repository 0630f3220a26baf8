package exchange.safeguarding.deploy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agencies' gateways: one HTTP server on loopback standing in for every organisation's case system (a path
 * per organisation). It notes when each webhook arrived, before reading it, and keeps the first arrival of each
 * event type and subject, since delivery is at least once.
 */
final class WebhookGateways implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "gateway");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perType = new ConcurrentHashMap<>();

    WebhookGateways() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
        server.createContext("/webhooks", exchange -> {
            long arrived = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            try {
                JsonNode event = JSON.readTree(body);
                String type = event.path("type").asText();
                perType.computeIfAbsent(type, k -> new LongAdder()).increment();
                firstArrival.putIfAbsent(key(type, event.path("subject").asText()), arrived);
            } catch (IOException e) {
                perType.computeIfAbsent("(unreadable)", k -> new LongAdder()).increment();
            }
        });
        server.setExecutor(workers);
        server.start();
    }

    /** Where the organisation's gateway listens (plain http on loopback, which the local platform allows). */
    String urlOf(String organisation) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhooks/" + organisation.toLowerCase(Locale.ROOT);
    }

    /** When (System.nanoTime) the first webhook of this type about this subject arrived, if it has. */
    Optional<Long> arrivalOf(String type, String subject) {
        return Optional.ofNullable(firstArrival.get(key(type, subject)));
    }

    /** Webhooks received so far, by event type (repeats included). */
    Map<String, Long> countsByType() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        perType.forEach((type, n) -> counts.put(type, n.sum()));
        return counts;
    }

    private static String key(String type, String subject) {
        return type + " " + subject;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
