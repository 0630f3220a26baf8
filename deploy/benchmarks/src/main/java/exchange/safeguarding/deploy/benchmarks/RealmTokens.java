package exchange.safeguarding.deploy.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Access tokens from the real Keycloak: an agency gateway's by the client-credentials grant its case system uses
 * (client {@code gateway-<code>}, the documented local demo secret {@code demo-secret-<code>}), and a demo
 * person's by the password grant (password {@code demo}). Fetched once and renewed a minute before they expire,
 * so no request under measurement waits for Keycloak.
 */
final class RealmTokens {

    private record Token(String bearer, long renewAtNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenEndpoint;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    RealmTokens(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    /** "Bearer ..." for the organisation's gateway. */
    String gateway(String organisation) {
        String client = "gateway-" + organisation.toLowerCase(Locale.ROOT);
        return cached(client, () -> fetch(client, "grant_type=client_credentials&client_id=" + client
                + "&client_secret=demo-secret-" + organisation.toLowerCase(Locale.ROOT)));
    }

    /** "Bearer ..." for a demo person of the realm, e.g. the protocol administrator asc.admin. */
    String person(String username) {
        return cached("user " + username, () -> fetch(username,
                "grant_type=password&client_id=safeguarding-exchange-cli&username=" + username + "&password=demo"));
    }

    private String cached(String key, Supplier<Token> fetch) {
        Token token = tokens.get(key);
        if (token == null || System.nanoTime() - token.renewAtNanos() >= 0) {
            token = fetch.get();
            tokens.put(key, token);
        }
        return token.bearer();
    }

    private Token fetch(String client, String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token to " + client + ": " + answer.statusCode() + " "
                        + answer.body());
            }
            JsonNode body = JSON.readTree(answer.body());
            long lifetimeSeconds = Math.max(body.path("expires_in").asLong(60) - 60, 5);
            return new Token("Bearer " + body.path("access_token").asText(),
                    System.nanoTime() + Duration.ofSeconds(lifetimeSeconds).toNanos());
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + client + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token for " + client, e);
        }
    }
}
