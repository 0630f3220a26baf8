package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP exactly as sent: any method, any bytes, any content type, with or without a token, so the security tests
 * can send what a well-behaved client never would. A response is read only up to {@link #MAX_BODY} bytes and a
 * streaming one (server-sent events) only to its headers.
 */
final class RawHttp {

    static final int MAX_BODY = 4 * 1024 * 1024;
    /** Bodies above this go over a plain socket, headers first (see {@link #sendHeadersFirst}). */
    private static final int HEADERS_FIRST_ABOVE = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private RawHttp() {
    }

    /** What the test sends; {@code bearer} is the whole Authorization value or null for none. */
    record Request(String method, String url, String bearer, String contentType, byte[] body, Map<String, String> headers) {

        /** As a well-behaved gateway calls: naming the member of staff acting (a person's token ignores it). */
        static Request of(String method, String url, String bearer) {
            return new Request(method, url, bearer, null, null, Map.of(ActingPersonFilter.HEADER, ActingPersonFilter.SOMEONE));
        }

        Request json(String json) {
            return withBody("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        Request withBody(String type, byte[] bytes) {
            return new Request(method, url, bearer, type, bytes, headers);
        }

        Request withBearer(String value) {
            return new Request(method, url, value, contentType, body, headers);
        }

        Request withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Request(method, url, bearer, contentType, body, more);
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : " " + abbreviate(new String(body, StandardCharsets.UTF_8), 300);
            return method + " " + abbreviate(url, 300) + (contentType == null ? "" : " [" + contentType + "]") + shown;
        }
    }

    record Response(int status, Map<String, String> headers, String body) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase()));
        }

        String contentType() {
            return header("content-type").orElse("");
        }

        boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        /** The body as JSON, or a missing node when it is not JSON. */
        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + abbreviate(body, 400);
        }
    }

    /** Sends the request; a connection the service had already closed (after a 413, say) is retried once on a new one. */
    static Response send(Request request) {
        try {
            return sendOnce(request);
        } catch (UncheckedIOException e) {
            return sendOnce(request);
        }
    }

    private static Response sendOnce(Request request) {
        if (request.body() != null && request.body().length > HEADERS_FIRST_ABOVE) {
            return sendHeadersFirst(request);
        }
        HttpRequest.BodyPublisher publisher = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(60))
                .method(request.method(), publisher);
        if (request.bearer() != null) {
            builder.header("Authorization", request.bearer());
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        try {
            HttpResponse<InputStream> answer = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            Map<String, String> headers = new LinkedHashMap<>();
            answer.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(", ", values)));
            String body;
            try (InputStream in = answer.body()) {
                // A server-sent event stream never ends: its headers are the answer.
                body = headers.getOrDefault("content-type", "").startsWith("text/event-stream") ? ""
                        : new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            }
            return new Response(answer.statusCode(), headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A body larger than a service accepts: the headers go first and the service's answer (413, decided on the declared
     * length) is read before any of the body is sent; the body follows only if the service waits for it. (The JDK
     * client either writes the body into a connection the service has closed, or, asked to expect 100-continue, hangs
     * on the 413.)
     */
    private static Response sendHeadersFirst(Request request) {
        URI uri = URI.create(request.url());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            StringBuilder head = new StringBuilder().append(request.method()).append(' ').append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                    .append("Connection: close\r\nContent-Length: ").append(request.body().length).append("\r\n");
            if (request.bearer() != null) {
                head.append("Authorization: ").append(request.bearer()).append("\r\n");
            }
            if (request.contentType() != null) {
                head.append("Content-Type: ").append(request.contentType()).append("\r\n");
            }
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            socket.setSoTimeout(5_000);
            try {
                in.mark(1);
                if (in.read() < 0) {
                    throw new IOException("closed without an answer");
                }
                in.reset();
            } catch (SocketTimeoutException waiting) {
                try {
                    out.write(request.body());
                    out.flush();
                } catch (IOException closed) {
                    // answered and closed while the body was on its way: read the answer
                }
            }
            socket.setSoTimeout(60_000);
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.url() + " failed", e);
        }
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
        }
        String body = end < 0 ? "" : text.substring(end + 4);
        return new Response(status, headers, "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? unchunk(body) : body);
    }

    private static String unchunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = lineEnd < 0 ? 0 : Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return body.toString();
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...(" + text.length() + " chars)";
    }
}
