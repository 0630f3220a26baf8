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

    private Map<String, Object> fetch(String path, List<DataCategory> categories) {
        String query = categories.stream().map(c -> "category=" + c.name()).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.concernServiceUrl() + path + "?" + query))
                .timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.get()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                token.invalidate();
            }
            if (response.statusCode() != 200) {
                throw new ServiceCallException("concern-service answered " + response.statusCode() + " for " + path);
            }
            return json.readValue(response.body(), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException e) {
            throw new ServiceCallException("concern-service unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceCallException("interrupted while calling concern-service");
        }
    }
}
