package exchange.safeguarding.deploy.system;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import exchange.safeguarding.kit.testing.GatewayReceiver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * An agency gateway that can be down for a while: every webhook it is sent is recorded with the answer it got, and
 * while it is down it answers 503 Service Unavailable, as the load balancer in front of a stopped gateway would. The
 * system tests' {@link GatewayReceiver} scripts answers by count; an outage is a period of time, so this one switches.
 */
final class OutageGateway implements AutoCloseable {

    /**
     * One request, the status the gateway answered, and whether its signature verified on arrival (Standard Webhooks
     * refuses old timestamps, so a signature can only be checked when the webhook arrives).
     */
    record Call(GatewayReceiver.Received request, int answered, boolean verified) {
        boolean accepted() {
            return answered >= 200 && answered < 300;
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile Webhook verifier;

    OutageGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
            int status = down ? 503 : 200;
            GatewayReceiver.Received request = new GatewayReceiver.Received(exchange.getRequestURI().getPath(), headers,
                    new String(body, StandardCharsets.UTF_8), Instant.now());
            calls.add(new Call(request, status, verifies(request)));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "outage-gateway");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The signing secret the agency was given for its webhooks; from now on each one is verified as it arrives. */
    void trust(String signingSecret) {
        try {
            verifier = new Webhook(signingSecret);
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalArgumentException("no signing secret", e);
        }
    }

    private boolean verifies(GatewayReceiver.Received request) {
        Webhook current = verifier;
        if (current == null) {
            return false;
        }
        try {
            current.verify(request.body(), request.headers());
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void goDown() {
        down = true;
    }

    void comeBack() {
        down = false;
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** Every request, whatever it was answered, as the other gateways record them. */
    List<GatewayReceiver.Received> received() {
        return calls.stream().map(Call::request).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
