package exchange.safeguarding.sharing.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for concern-service's extract endpoint and Keycloak's token endpoint in sharing-service's own
 * tests (the assembled platform's system tests use the real ones). It answers every category it holds,
 * whatever is asked, so the tests prove sharing-service itself releases only what was decided; it refuses
 * calls without the token it issued; and it can be made unreachable.
 */
public class ConcernServiceStandIn implements QuarkusTestResourceLifecycleManager {

    public static final AtomicBoolean DOWN = new AtomicBoolean();
    public static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger TOKENS = new AtomicInteger();

    /** Everything a concern holds, in every category. */
    public static final String FULL_EXTRACT = """
            {"IDENTITY":{"givenName":"Edith","familyName":"Clarke","dateOfBirth":"1941-03-02","nhsNumber":"9434765919"},
             "CONTACT":{"postcode":"NS1 4AB"},
             "CONCERN_SUMMARY":{"urgency":"ROUTINE","abuseTypes":["FINANCIAL_OR_MATERIAL"]},
             "RISK_INFORMATION":{"whatHappened":"Pension withdrawn by a carer"},
             "HEALTH":{"lackedCapacity":"NO"},
             "CARE_AND_SUPPORT_NEEDS":{"capacitySupport":"advocate"},
             "VIEWS_AND_WISHES":{"viewsAndWishes":"Wants to stay at home"},
             "CRIMINAL_OFFENCE_INFORMATION":{},
             "PERSON_ALLEGED_TO_CAUSE_HARM":{"familyName":"Cole","relationship":"carer"}}""";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!form.contains("grant_type=client_credentials") || !form.contains("client_id=platform-services")) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}");
                return;
            }
            answer(exchange, 200, "{\"access_token\":\"stand-in-" + TOKENS.incrementAndGet() + "\",\"expires_in\":300}");
        });
        server.createContext("/extracts/", exchange -> {
            CALLS.add(exchange.getRequestURI().toString());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (DOWN.get()) {
                answer(exchange, 503, "{}");
            } else if (auth == null || !auth.startsWith("Bearer stand-in-")) {
                answer(exchange, 401, "{}");
            } else if (exchange.getRequestURI().getPath().endsWith("/replica")) {
                // Concerns reach these tests by their events only.
                answer(exchange, 404, "{}");
            } else {
                answer(exchange, 200, FULL_EXTRACT);
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("sharing.concern-service-url", base, "kit.service-client.token-url", base + "/token");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
