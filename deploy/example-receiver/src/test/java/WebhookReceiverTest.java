import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The example gateway accepts what an independent Standard Webhooks implementation signs, and only that, once. */
class WebhookReceiverTest {

    @TempDir
    Path dir;

    final String secret = newSecret();
    final List<String> handled = Collections.synchronizedList(new ArrayList<>());
    final HttpClient http = HttpClient.newHttpClient();
    HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    void start(List<String> secrets) throws Exception {
        if (server != null) {
            server.stop(0);
        }
        server = new WebhookReceiver(secrets, dir.resolve("processed.txt"), (id, body) -> handled.add(id), Clock.systemUTC())
                .listen(0);
    }

    int post(String id, long timestamp, String signature, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getAddress().getPort() + "/hooks"))
                .header("webhook-id", id).header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", signature).header("content-type", "application/cloudevents+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void aGenuineMessageIsProcessedOnceEvenWhenRetriedOrAfterARestart() throws Exception {
        start(List.of(secret));
        String id = UUID.randomUUID().toString();
        String body = "{\"type\":\"concern.raised.v1\",\"sequence\":\"0000000001\"}";
        long now = Instant.now().getEpochSecond();
        String signature = new Webhook(secret).sign(id, now, body);

        assertEquals(204, post(id, now, signature, body));
        assertEquals(200, post(id, now + 1, new Webhook(secret).sign(id, now + 1, body), body), "a retry is acknowledged");
        start(List.of(secret));
        assertEquals(200, post(id, now, signature, body), "still a duplicate after a restart");
        assertEquals(List.of(id), handled);
    }

    @Test
    void forgedTamperedOrReplayedMessagesAreRefused() throws Exception {
        start(List.of(secret));
        String body = "{\"type\":\"disclosure.made.v1\"}";
        long now = Instant.now().getEpochSecond();
        String id = UUID.randomUUID().toString();

        assertEquals(401, post(id, now, new Webhook(newSecret()).sign(id, now, body), body), "another key");
        assertEquals(401, post(id, now, new Webhook(secret).sign(id, now, body), body.replace("disclosure", "concern")),
                "tampered body");
        long old = now - 600;
        assertEquals(401, post(id, old, new Webhook(secret).sign(id, old, body), body), "replayed ten minutes later");
        assertEquals(401, post(UUID.randomUUID().toString(), now, new Webhook(secret).sign(id, now, body), body),
                "signature for another webhook-id");
        assertEquals(List.of(), handled);
    }

    @Test
    void duringARotationEitherSecretIsAcceptedAndUnknownSchemesAreIgnored() throws Exception {
        String next = newSecret();
        start(List.of(next, secret));
        String body = "{\"type\":\"sla.breached.v1\"}";
        long now = Instant.now().getEpochSecond();
        String oldOnly = UUID.randomUUID().toString();
        assertEquals(204, post(oldOnly, now, new Webhook(secret).sign(oldOnly, now, body), body));
        String both = UUID.randomUUID().toString();
        String header = "v2,bm90LWEtc2lnbmF0dXJl " + new Webhook(newSecret()).sign(both, now, body) + " "
                + new Webhook(next).sign(both, now, body);
        assertEquals(204, post(both, now, header, body));
        assertEquals(List.of(oldOnly, both), handled);
    }

    @Test
    void aMessageTheGatewayCouldNotProcessIsRetriedByThePlatform() throws Exception {
        server = new WebhookReceiver(List.of(secret), dir.resolve("failing.txt"), (id, body) -> {
            throw new IllegalStateException("case system down");
        }, Clock.systemUTC()).listen(0);
        String id = UUID.randomUUID().toString();
        long now = Instant.now().getEpochSecond();
        String body = "{}";
        assertEquals(500, post(id, now, new Webhook(secret).sign(id, now, body), body));
        start(List.of(secret));
        assertEquals(204, post(id, now, new Webhook(secret).sign(id, now, body), body), "processed when retried");
    }
}
