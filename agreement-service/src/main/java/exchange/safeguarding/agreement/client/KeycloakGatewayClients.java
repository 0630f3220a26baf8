package exchange.safeguarding.agreement.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.agreement.config.KeycloakAdminConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gateway clients in Keycloak, through its admin REST API with agreement-service's own service account.
 * The shape matches the demo gateway clients in deploy/keycloak/safeguarding-realm.json. Every operation is
 * idempotent, so a retry after a lost response is harmless.
 */
@ApplicationScoped
public class KeycloakGatewayClients implements GatewayClients {

    private static final Logger LOG = Logger.getLogger(KeycloakGatewayClients.class);

    static final String AUDIENCE = "safeguarding-exchange-api";
    static final List<String> REALM_ROLES = List.of("gateway", "practitioner");
    /** Renew the admin token this long before it expires, so no call races its expiry. */
    private static final Duration TOKEN_MARGIN = Duration.ofSeconds(30);
    /** Per request; an operation makes several requests within its 10 s @Timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final KeycloakAdminConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    private String adminToken;
    private Instant adminTokenRenewAt = Instant.MIN;

    public KeycloakGatewayClients(KeycloakAdminConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    }

    public static String clientIdFor(String organisationCode) {
        return "gateway-" + organisationCode.toLowerCase(Locale.ROOT);
    }

    @Override
    @Retry(maxRetries = 3, delay = 500)
    @Timeout(10_000)
    public String ensureClient(String organisationCode, String organisationName) {
        String clientId = clientIdFor(organisationCode);
        if (!config.provisioningEnabled()) {
            return clientId;
        }
        Optional<ObjectNode> existing = findClient(clientId);
        String id;
        if (existing.isEmpty()) {
            ObjectNode client = shape(json.createObjectNode(), clientId, organisationCode, organisationName);
            client.put("enabled", true);
            client.set("protocolMappers", json.createArrayNode()
                    .add(organisationMapper(organisationCode)).add(audienceMapper()));
            // A concurrent create gives 409; the retry then finds the client and updates it.
            HttpResponse<String> created = admin("POST", "/clients", client, "create client " + clientId);
            id = created.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                    .orElseGet(() -> requireClient(clientId).get("id").asText());
            LOG.infof("Created gateway client %s in Keycloak", clientId);
        } else {
            // Leave "enabled" alone: re-registering must not lift a suspension.
            ObjectNode client = shape(existing.get(), clientId, organisationCode, organisationName);
            id = client.get("id").asText();
            update(id, client, "update client " + clientId);
            ensureMappers(id, clientId, organisationCode);
        }
        grantRealmRoles(id, clientId);
        return clientId;
    }

    @Override
    @Retry(maxRetries = 3, delay = 500)
    @Timeout(10_000)
    public String regenerateSecret(String organisationCode) {
        String clientId = clientIdFor(organisationCode);
        if (!config.provisioningEnabled()) {
            throw new GatewayClientException("Gateway client provisioning is disabled; cannot issue a secret for " + clientId, 0);
        }
        String id = requireClient(clientId).get("id").asText();
        String secret = body(admin("POST", "/clients/" + id + "/client-secret", null,
                "regenerate the secret of " + clientId)).path("value").asText("");
        if (secret.isEmpty()) {
            throw new GatewayClientException("Keycloak returned no secret for " + clientId, 200);
        }
        LOG.infof("Regenerated the secret of gateway client %s", clientId);
        return secret;
    }

    @Override
    @Retry(maxRetries = 3, delay = 500)
    @Timeout(10_000)
    public void setEnabled(String organisationCode, boolean enabled) {
        String clientId = clientIdFor(organisationCode);
        if (!config.provisioningEnabled()) {
            return;
        }
        ObjectNode client = requireClient(clientId);
        if (client.path("enabled").asBoolean(true) == enabled) {
            return;
        }
        client.put("enabled", enabled);
        update(client.get("id").asText(), client, (enabled ? "enable " : "disable ") + clientId);
        LOG.infof("Gateway client %s is now %s", clientId, enabled ? "enabled" : "disabled");
    }

    /** The fields that make a client a gateway; everything else on an existing client is kept. */
    private ObjectNode shape(ObjectNode client, String clientId, String code, String name) {
        client.put("clientId", clientId);
        client.put("name", name + " gateway");
        client.put("description", "Agency system gateway for " + name + " (" + code + "). Provisioned by agreement-service.");
        client.put("protocol", "openid-connect");
        client.put("publicClient", false);
        client.put("bearerOnly", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("implicitFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        client.put("frontchannelLogout", false);
        client.put("fullScopeAllowed", true);
        JsonNode attributes = client.path("attributes");
        ObjectNode merged = attributes.isObject() ? (ObjectNode) attributes : client.putObject("attributes");
        merged.put("organisation", code);
        return client;
    }

    private ObjectNode organisationMapper(String code) {
        return mapper("organisation", "oidc-hardcoded-claim-mapper", Map.of(
                "claim.name", "organisation",
                "claim.value", code,
                "jsonType.label", "String",
                "access.token.claim", "true",
                "id.token.claim", "true",
                "userinfo.token.claim", "true",
                "introspection.token.claim", "true"));
    }

    private ObjectNode audienceMapper() {
        return mapper("audience-" + AUDIENCE, "oidc-audience-mapper", Map.of(
                "included.custom.audience", AUDIENCE,
                "access.token.claim", "true",
                "id.token.claim", "false",
                "introspection.token.claim", "true",
                "lightweight.claim", "false"));
    }

    private ObjectNode mapper(String name, String type, Map<String, String> config) {
        ObjectNode mapper = json.createObjectNode();
        mapper.put("name", name);
        mapper.put("protocol", "openid-connect");
        mapper.put("protocolMapper", type);
        mapper.put("consentRequired", false);
        mapper.set("config", json.valueToTree(config));
        return mapper;
    }

    /** Mappers are managed through their own endpoint: a client update does not reliably replace them. */
    private void ensureMappers(String id, String clientId, String code) {
        String path = "/clients/" + id + "/protocol-mappers/models";
        JsonNode existing = body(admin("GET", path, null, "read the mappers of " + clientId));
        for (ObjectNode wanted : List.of(organisationMapper(code), audienceMapper())) {
            JsonNode found = null;
            for (JsonNode mapper : existing) {
                if (wanted.get("name").asText().equals(mapper.path("name").asText())) {
                    found = mapper;
                }
            }
            if (found != null && matches(found, wanted)) {
                continue;
            }
            if (found != null) {
                // The mapper type cannot be changed in place, so replace a drifted mapper.
                admin("DELETE", path + "/" + found.get("id").asText(), null, "replace a mapper of " + clientId);
            }
            admin("POST", path, wanted, "add a mapper to " + clientId);
        }
    }

    private static boolean matches(JsonNode found, ObjectNode wanted) {
        if (!wanted.get("protocolMapper").equals(found.path("protocolMapper"))) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : wanted.get("config").properties()) {
            if (!entry.getValue().equals(found.path("config").path(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Gives the service account exactly what the demo gateways have. Keycloak also grants a new service account
     * the realm's default roles (offline_access, account roles, which add an "account" audience); a gateway needs
     * none of them, so that mapping is removed. Other roles an administrator added are left alone.
     */
    private void grantRealmRoles(String id, String clientId) {
        String userId = body(admin("GET", "/clients/" + id + "/service-account-user", null,
                "read the service account of " + clientId)).get("id").asText();
        String path = "/users/" + userId + "/role-mappings/realm";
        JsonNode held = body(admin("GET", path, null, "read the realm roles of " + clientId));
        Set<String> heldNames = new HashSet<>();
        ArrayNode defaults = json.createArrayNode();
        for (JsonNode role : held) {
            heldNames.add(role.path("name").asText());
            if (role.path("name").asText().equals("default-roles-" + config.realm().toLowerCase(Locale.ROOT))) {
                defaults.add(role);
            }
        }
        ArrayNode missing = json.createArrayNode();
        for (String role : REALM_ROLES) {
            if (!heldNames.contains(role)) {
                missing.add(body(admin("GET", "/roles/" + segment(role), null, "read realm role " + role)));
            }
        }
        if (!missing.isEmpty()) {
            admin("POST", path, missing, "grant realm roles to " + clientId);
        }
        if (!defaults.isEmpty()) {
            admin("DELETE", path, defaults, "remove the default roles of " + clientId);
        }
    }

    private Optional<ObjectNode> findClient(String clientId) {
        JsonNode found = body(admin("GET", "/clients?search=false&clientId=" + query(clientId), null,
                "look up client " + clientId));
        for (JsonNode client : found) {
            if (clientId.equals(client.path("clientId").asText())) {
                return Optional.of((ObjectNode) client);
            }
        }
        return Optional.empty();
    }

    private ObjectNode requireClient(String clientId) {
        return findClient(clientId).orElseThrow(() ->
                new GatewayClientException("Keycloak has no client " + clientId + " (HTTP 404)", 404));
    }

    /** Sends the client back without its secret, so a stale copy never undoes a concurrent regeneration. */
    private void update(String id, ObjectNode client, String action) {
        client.remove("secret");
        client.remove("protocolMappers");
        admin("PUT", "/clients/" + id, client, action);
    }

    private HttpResponse<String> admin(String method, String path, JsonNode body, String action) {
        URI uri = URI.create(base() + "/admin/realms/" + segment(config.realm()) + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + adminToken())
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response = send(request.build(), action);
        if (response.statusCode() == 401) {
            forgetAdminToken(); // revoked or rotated: the retry fetches a new one
        }
        return ok(response, action);
    }

    private synchronized String adminToken() {
        if (adminToken != null && Instant.now().isBefore(adminTokenRenewAt)) {
            return adminToken;
        }
        String form = "grant_type=client_credentials&client_id=" + query(config.clientId())
                + "&client_secret=" + query(config.clientSecret().orElseThrow(() -> new GatewayClientException(
                "agreement.keycloak.client-secret is not set", 0)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        base() + "/realms/" + segment(config.realm()) + "/protocol/openid-connect/token"))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        String action = "issue an admin token to " + config.clientId();
        JsonNode token = body(ok(send(request, action), action));
        String value = token.path("access_token").asText("");
        if (value.isEmpty()) {
            throw new GatewayClientException("Keycloak returned no access token to " + config.clientId(), 200);
        }
        long lifetime = token.path("expires_in").asLong(60);
        adminToken = value;
        adminTokenRenewAt = Instant.now().plusSeconds(Math.max(lifetime - TOKEN_MARGIN.toSeconds(), lifetime / 2));
        return adminToken;
    }

    private synchronized void forgetAdminToken() {
        adminToken = null;
    }

    private HttpResponse<String> send(HttpRequest request, String action) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GatewayClientException("Could not " + action + ": Keycloak unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayClientException("Interrupted while trying to " + action, e);
        }
    }

    /** Keycloak's error bodies carry a reason but never the secrets sent, so a short excerpt is safe to show. */
    private HttpResponse<String> ok(HttpResponse<String> response, String action) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String reason = "";
        try {
            JsonNode error = json.readTree(response.body());
            reason = error.path("errorMessage").asText(error.path("error_description").asText(error.path("error").asText("")));
        } catch (JsonProcessingException | RuntimeException notJson) {
            // no reason to add
        }
        reason = reason.length() > 200 ? reason.substring(0, 200) : reason;
        throw new GatewayClientException("Could not " + action + ": Keycloak answered HTTP " + status
                + (reason.isEmpty() ? "" : " (" + reason + ")"), status);
    }

    private JsonNode body(HttpResponse<String> response) {
        if (response.body() == null || response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new GatewayClientException("Keycloak sent an unreadable response (HTTP " + response.statusCode() + ")", e);
        }
    }

    private String write(JsonNode body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        String url = config.url();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String segment(String value) {
        return query(value).replace("+", "%20");
    }
}
