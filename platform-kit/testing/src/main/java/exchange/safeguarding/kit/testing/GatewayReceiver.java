package exchange.safeguarding.kit.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An agency gateway for tests: a real HTTP server on loopback that records every webhook it receives and
 * answers with the statuses a test scripts (200 once the script is spent).
 */
public final class GatewayReceiver implements AutoCloseable {

    /** One request as the gateway saw it; header names are lower-case. */
    public record Received(String path, Map<String, List<String>> headers, String body, Instant at) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }

    /** A scripted answer: status, optional Retry-After header, and how long the gateway takes to answer. */
    public record Answer(int status, String retryAfter, java.time.Duration delay) {
        public Answer(int status, String retryAfter) {
            this(status, retryAfter, java.time.Duration.ZERO);
        }

        public static Answer of(int status) {
            return new Answer(status, null);
        }

        /** A gateway that answers 200, but only after the delay. */
        public static Answer slow(java.time.Duration delay) {
            return new Answer(200, null, delay);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Answer> script = new ConcurrentLinkedDeque<>();

    public GatewayReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
            received.add(new Received(exchange.getRequestURI().getPath(), headers,
                    new String(body, StandardCharsets.UTF_8), Instant.now()));
            Answer answer = script.pollFirst();
            if (answer != null && !answer.delay().isZero()) {
                try {
                    Thread.sleep(answer.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = answer == null ? 200 : answer.status();
            if (answer != null && answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        // Several requests at once, so one slow answer does not hold up the others.
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gateway-receiver");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these answers, in order. */
    public GatewayReceiver answer(Answer... answers) {
        script.addAll(List.of(answers));
        return this;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    /** Waits until at least {@code count} matching requests have arrived; returns the matches. */
    public List<Received> await(Predicate<Received> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> matches;
        do {
            matches = received.stream().filter(match).toList();
            if (matches.size() >= count) {
                return matches;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        return matches;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
