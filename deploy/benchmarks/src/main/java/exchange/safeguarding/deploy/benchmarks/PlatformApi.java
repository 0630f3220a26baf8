package exchange.safeguarding.deploy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** JSON over HTTP/1.1 to the platform's REST APIs, with a bearer token, as an agency's system calls them. */
final class PlatformApi {

    /** A status and the JSON body (a missing node when there was none or it was not JSON). */
    record Answer(int status, JsonNode body) {
        String text(String field) {
            return body.path(field).asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Answer post(String url, String bearer, String json) throws IOException, InterruptedException {
        return read(http.send(request(url, bearer).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    Answer put(String url, String bearer, String json) throws IOException, InterruptedException {
        return read(http.send(request(url, bearer).PUT(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** Sends without waiting: the open-loop load must not wait for an answer before sending the next. */
    CompletableFuture<Answer> postAsync(String url, String bearer, String json) {
        return http.sendAsync(request(url, bearer).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).thenApply(PlatformApi::read);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static HttpRequest.Builder request(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                // As a gateway calls: naming the member of staff acting (a person's own token ignores it).
                .header("Acting-Person", "id=\"bench-1\", name=\"Benchmark\", role=\"practitioner\"");
    }

    private static Answer read(HttpResponse<String> response) {
        JsonNode body;
        try {
            body = response.body() == null || response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            body = JSON.missingNode();
        }
        return new Answer(response.statusCode(), body);
    }
}
