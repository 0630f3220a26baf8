package exchange.safeguarding.deploy.local.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls the platform's public REST APIs as a demo user would: a token from Keycloak by the password grant of
 * the public CLI client (cached until shortly before it expires), JSON in and out.
 */
final class PlatformCalls {

    static final String CLI_CLIENT = "safeguarding-exchange-cli";
    /** The documented password of every demo user in the local realm. */
    static final String DEMO_PASSWORD = "demo";

    /** A JSON answer: its status and body (a missing node when there was none). */
    record Answer(int status, JsonNode body) {
        boolean is(int expected) {
            return status == expected;
        }
    }

    private record Token(String value, Instant renewAfter) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenEndpoint;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    PlatformCalls(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** The bearer token of a demo user; fails if the realm does not know the user. */
    String tokenOf(String username) {
        Token cached = tokens.get(username);
        if (cached != null && Instant.now().isBefore(cached.renewAfter())) {
            return cached.value();
        }
        String form = "grant_type=password&client_id=" + CLI_CLIENT + "&username=" + encode(username)
                + "&password=" + DEMO_PASSWORD;
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        Answer answer = send(request);
        if (!answer.is(200)) {
            throw new IllegalStateException("Keycloak refused a token for " + username + " (" + answer.status() + "): "
                    + answer.body() + ". Is the realm older than deploy/keycloak/safeguarding-realm.json? See the README.");
        }
        // Renew a minute early so a token never expires between taking it and using it.
        long lifetime = Math.max(answer.body().path("expires_in").asLong(60) - 60, 5);
        Token token = new Token(answer.body().path("access_token").asText(), Instant.now().plusSeconds(lifetime));
        tokens.put(username, token);
        return token.value();
    }

    Answer get(String url, String username) {
        return send(request(url, username).GET().build());
    }

    Answer post(String url, String username, Object body) {
        return send(request(url, username).POST(json(body)).header("Content-Type", "application/json").build());
    }

    Answer put(String url, String username, Object body) {
        return send(request(url, username).PUT(json(body)).header("Content-Type", "application/json").build());
    }

    /** Fails with the problem the service gave unless the status is one of those expected. */
    static Answer expect(Answer answer, String what, int... expected) {
        for (int status : expected) {
            if (answer.is(status)) {
                return answer;
            }
        }
        throw new IllegalStateException(what + ": unexpected " + answer.status() + " " + answer.body());
    }

    private HttpRequest.Builder request(String url, String username) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + tokenOf(username)).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            JsonNode json = body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            return new Answer(response.statusCode(), json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered something other than JSON", e);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted calling " + request.uri(), e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the request body", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
