package exchange.safeguarding.sharing.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import exchange.safeguarding.kit.client.ServiceCallException;
import exchange.safeguarding.kit.client.ServiceToken;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.sharing.config.SharingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The released categories of a concern (or a person), fetched from concern-service with this service's token. */
@ApplicationScoped
public class ConcernExtracts {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SharingConfig config;
    private final ServiceToken token;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();

    public ConcernExtracts(SharingConfig config, ServiceToken token, ObjectMapper json) {
        this.config = config;
        this.token = token;
        this.json = json;
    }

    @Retry(maxRetries = 2, delay = 300, retryOn = ServiceCallException.class)
    @Timeout(12_000)
    public Map<String, Object> ofConcern(UUID concernId, List<DataCategory> categories) {
        return fetch("/extracts/concerns/" + concernId, categories);
    }

    @Retry(maxRetries = 2, delay = 300, retryOn = ServiceCallException.class)
    @Timeout(12_000)
    public Map<String, Object> ofPerson(UUID personId, List<DataCategory> categories) {
        return fetch("/extracts/persons/" + personId, categories);
    }

    /** What concern-service holds of a concern's routing right now; null when there is no such concern. */
    @Retry(maxRetries = 2, delay = 200, retryOn = ServiceCallException.class)
    @Timeout(8_000)
    public ConcernFacts facts(UUID concernId) {
        String body = get("/extracts/concerns/" + concernId + "/replica", true);
        try {
            return body == null ? null : json.readValue(body, ConcernFacts.class);
        } catch (IOException e) {
            throw new ServiceCallException("concern-service answered with a body that is not a concern's facts");
        }
    }

    /** The facts sharing-service keeps of a concern, as concern-service holds them. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record ConcernFacts(UUID concernId, String organisation, String urgency, boolean whistleblowing,
                               UUID adultPersonId, String localAuthority, java.time.Instant raisedAt, List<String> parties) {
    }

    private Map<String, Object> fetch(String path, List<DataCategory> categories) {
        String query = categories.stream().map(c -> "category=" + c.name()).collect(Collectors.joining("&"));
        String body = get(path + "?" + query, false);
        try {
            return json.readValue(body, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new ServiceCallException("concern-service answered with a body that is not an extract");
        }
    }

    /** The body of a 200; null for a 404 when that is an answer; otherwise a ServiceCallException (retried). */
    private String get(String pathAndQuery, boolean notFoundIsAnswer) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.concernServiceUrl() + pathAndQuery))
                .timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                token.invalidate();
            }
            if (notFoundIsAnswer && response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new ServiceCallException("concern-service answered " + response.statusCode() + " for " + pathAndQuery);
            }
            return response.body();
        } catch (IOException e) {
            throw new ServiceCallException("concern-service unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException("interrupted while calling concern-service");
        }
    }
}
