import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * An example agency gateway for Safeguarding Exchange webhooks, JDK only, in one file. It verifies each
 * message's Standard Webhooks signature, processes each webhook-id once, and answers so that the platform
 * knows whether to retry. Run it with:
 *
 * <pre>
 *   WEBHOOK_SECRETS=whsec_... java WebhookReceiver.java        # listens on PORT (default 9000)
 * </pre>
 *
 * WEBHOOK_SECRETS takes the current secret and, during a rotation, the previous one, separated by spaces.
 * Processed webhook-ids are kept in PROCESSED_FILE (default processed-webhook-ids.txt) so a restart does not
 * process a message twice. A real gateway keeps them in its database, in the same transaction as its work.
 */
public final class WebhookReceiver {

    /** What the gateway does with a genuine, new message: here, print it. Throwing makes the platform retry. */
    public interface Handler {
        void handle(String webhookId, String body) throws Exception;
    }

    private static final int MAX_BODY_BYTES = 1 << 20;

    private final List<Verifier> verifiers;
    private final ProcessedMessages processed;
    private final Handler handler;

    public WebhookReceiver(List<String> secrets, Path processedFile, Handler handler, Clock clock) {
        this.verifiers = secrets.stream().map(s -> new Verifier(s, clock)).toList();
        this.processed = new ProcessedMessages(processedFile);
        this.handler = handler;
    }

    public static void main(String[] args) throws IOException {
        String secrets = System.getenv("WEBHOOK_SECRETS");
        if (secrets == null || secrets.isBlank()) {
            System.err.println("Set WEBHOOK_SECRETS to the whsec_... secret shown when the gateway was configured.");
            System.exit(2);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "9000"));
        Path file = Path.of(System.getenv().getOrDefault("PROCESSED_FILE", "processed-webhook-ids.txt"));
        WebhookReceiver receiver = new WebhookReceiver(Arrays.asList(secrets.trim().split("\\s+")), file,
                (id, body) -> System.out.println("received " + id + ": " + body), Clock.systemUTC());
        HttpServer server = receiver.listen(port);
        System.out.println("Listening on http://localhost:" + server.getAddress().getPort() + "/");
    }

    /** Starts listening on the port (0 for any free one). */
    public HttpServer listen(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", this::receive);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "POST only");
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            if (body == null) {
                answer(exchange, 413, "body too large");
                return;
            }
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            String timestamp = headers.getFirst("webhook-timestamp");
            String signature = headers.getFirst("webhook-signature");
            // Verify the raw bytes before parsing anything; any valid secret will do during a rotation.
            if (verifiers.stream().noneMatch(v -> v.accepts(id, timestamp, signature, body))) {
                answer(exchange, 401, "signature not verified");
                return;
            }
            // One message at a time per id, so a retry racing the first attempt is not processed twice.
            synchronized (processed) {
                if (processed.contains(id)) {
                    answer(exchange, 200, "duplicate, already processed");
                    return;
                }
                try {
                    handler.handle(id, new String(body, StandardCharsets.UTF_8));
                } catch (Exception e) {
                    // Not a 2xx: the platform retries with the same webhook-id.
                    answer(exchange, 500, "not processed; retry");
                    return;
                }
                processed.add(id);
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** Standard Webhooks v1 signatures: HMAC-SHA256 over "id.timestamp.body", timestamps within 5 minutes. */
    static final class Verifier {

        private static final long TOLERANCE_SECONDS = 5 * 60;

        private final byte[] key;
        private final Clock clock;

        Verifier(String secret, Clock clock) {
            this.key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            this.clock = clock;
        }

        boolean accepts(String id, String timestamp, String signature, byte[] body) {
            if (id == null || timestamp == null || signature == null) {
                return false;
            }
            long sentAt;
            try {
                sentAt = Long.parseLong(timestamp.trim());
            } catch (NumberFormatException e) {
                return false;
            }
            // An old (or future) timestamp is a replay: refuse it even with a good signature.
            if (Math.abs(clock.instant().getEpochSecond() - sentAt) > TOLERANCE_SECONDS) {
                return false;
            }
            byte[] expected = hmac((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
            for (String candidate : signature.trim().split(" +")) {
                if (!candidate.startsWith("v1,")) {
                    continue; // another scheme: ignore it
                }
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                        return true; // constant-time comparison
                    }
                } catch (IllegalArgumentException notBase64) {
                    // try the next one
                }
            }
            return false;
        }

        private byte[] hmac(byte[] prefix, byte[] body) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                mac.update(prefix);
                return mac.doFinal(body);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        }
    }

    /** The webhook-ids already processed, kept in a file so that a restart remembers them. */
    static final class ProcessedMessages {

        private final Path file;
        private final Set<String> ids = new HashSet<>();

        ProcessedMessages(Path file) {
            this.file = file;
            try {
                if (Files.exists(file)) {
                    ids.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean contains(String id) {
            return ids.contains(id);
        }

        void add(String id) {
            try {
                Files.writeString(file, id + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ids.add(id);
        }
    }
}
