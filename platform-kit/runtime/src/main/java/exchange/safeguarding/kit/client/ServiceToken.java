package exchange.safeguarding.kit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import exchange.safeguarding.kit.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token for calling another platform service, obtained with this service's client credentials
 * and reused until shortly before it expires.
 */
@ApplicationScoped
public class ServiceToken {

    /** Renew this long before expiry so no call carries a token that dies in flight. */
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final PlatformConfig.ServiceClient config;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private String token;
    private Instant renewAt = Instant.MIN;

    public ServiceToken(PlatformConfig config, ObjectMapper json) {
        this.config = config.serviceClient();
        this.json = json;
    }

    public synchronized String get() {
        if (token != null && Instant.now().isBefore(renewAt)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(config.clientId())
                + "&client_secret=" + encode(config.clientSecret().orElseThrow(() -> new ServiceCallException(
                "kit.service-client.client-secret is not set: this service cannot call another")));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.tokenUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ServiceCallException("token endpoint answered " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            token = body.path("access_token").asText(null);
            if (token == null) {
                throw new ServiceCallException("token endpoint gave no access_token");
            }
            long expiresIn = body.path("expires_in").asLong(60);
            renewAt = Instant.now().plusSeconds(expiresIn).minus(MARGIN);
            return token;
        } catch (IOException e) {
            throw new ServiceCallException("token endpoint unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException("interrupted while fetching a service token");
        }
    }

    /** After a 401 the cached token is dropped, so the next call fetches a fresh one. */
    public synchronized void invalidate() {
        token = null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
