package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Callers made for the security tests in the real Keycloak, through its admin API (the local platform's documented
 * admin / admin): confidential clients whose service account holds exactly ONE realm role and whose tokens carry a
 * chosen organisation, so the access matrix tests each role alone. Also the tokens a service must refuse: garbage,
 * unsigned, tampered, signed by another key, expired, and for another audience.
 */
final class TestIdentities {

    static final String AUDIENCE = "safeguarding-exchange-api";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    /** One caller: a service account in {@code organisation} holding {@code role} only. */
    record Principal(String clientId, String organisation, String role) {
    }

    private record Token(String bearer, Instant renewAfter) {
    }

    private final String keycloak;
    private final String tokenEndpoint;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    TestIdentities(String keycloakUrl, String tokenEndpoint) {
        this.keycloak = keycloakUrl;
        this.tokenEndpoint = tokenEndpoint;
    }

    /** Creates the client (idempotent within a platform) and returns the principal. */
    Principal principal(String clientId, String organisation, String role) {
        createClient(clientId, organisation, role, true, null);
        return new Principal(clientId, organisation, role);
    }

    /** "Bearer ..." for the principal, renewed a minute before it expires. */
    String bearer(Principal principal) {
        return bearer(principal.clientId());
    }

    String bearer(String clientId) {
        Token token = tokens.get(clientId);
        if (token == null || Instant.now().isAfter(token.renewAfter())) {
            JsonNode answer = clientCredentials(clientId);
            token = new Token("Bearer " + answer.path("access_token").asText(),
                    Instant.now().plusSeconds(Math.max(answer.path("expires_in").asLong() - 60, 1)));
            tokens.put(clientId, token);
        }
        return token.bearer();
    }

    /** Tokens no service may accept, each otherwise like a valid token of {@code model} (same claims). */
    Map<String, String> refusedTokens(Principal model) {
        Map<String, String> refused = new LinkedHashMap<>();
        String valid = bearer(model).substring("Bearer ".length());
        String[] parts = valid.split("\\.");
        refused.put("garbage token", "Bearer " + UUID.randomUUID() + "." + UUID.randomUUID());
        refused.put("unsigned token (alg none)", "Bearer " + encode(Map.of("alg", "none", "typ", "JWT")) + "." + parts[1] + ".");
        ObjectNode claims = (ObjectNode) decode(parts[1]);
        claims.put("organisation", "SOMEONE-ELSE");
        refused.put("tampered token (claims changed after signing)", "Bearer " + parts[0] + "." + encode(claims) + "." + parts[2]);
        refused.put("token signed by another key", "Bearer " + signedByAnotherKey(parts[0], parts[1]));
        refused.put("expired token", "Bearer " + expiredToken(model));
        refused.put("token for another audience", "Bearer " + otherAudienceToken(model));
        return refused;
    }

    /** The real token's header (same kid) and claims, signed with a key pair made just now. */
    private static String signedByAnotherKey(String header, String payload) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + URL.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real Keycloak token from a client whose tokens live one second; returned once it has expired. */
    private String expiredToken(Principal model) {
        String clientId = model.clientId() + "-short-lived";
        createClient(clientId, model.organisation(), model.role(), true, 1);
        String token = clientCredentials(clientId).path("access_token").asText();
        long expiresAt = decode(token.split("\\.")[1]).path("exp").asLong();
        sleepUntil(Instant.ofEpochSecond(expiresAt).plusSeconds(2));
        return token;
    }

    /** A real Keycloak token with the model's organisation and role, but without the API's audience. */
    private String otherAudienceToken(Principal model) {
        String clientId = model.clientId() + "-other-audience";
        createClient(clientId, model.organisation(), model.role(), false, null);
        String token = clientCredentials(clientId).path("access_token").asText();
        JsonNode audience = decode(token.split("\\.")[1]).path("aud");
        if (audience.toString().contains(AUDIENCE)) {
            throw new IllegalStateException("the other-audience client still got audience " + audience);
        }
        return token;
    }

    static JsonNode claims(String bearer) {
        String token = bearer.startsWith("Bearer ") ? bearer.substring(7) : bearer;
        return decode(token.split("\\.")[1]);
    }

    private void createClient(String clientId, String organisation, String role, boolean withAudience, Integer lifespanSeconds) {
        if (secrets.containsKey(clientId)) {
            return;
        }
        String admin = "Bearer " + adminToken();
        String secret = UUID.randomUUID().toString();
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", clientId);
        client.put("name", "Security test caller: " + role + " at " + organisation);
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("clientAuthenticatorType", "client-secret");
        client.put("secret", secret);
        client.put("serviceAccountsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("directAccessGrantsEnabled", false);
        if (lifespanSeconds != null) {
            client.put("attributes", Map.of("access.token.lifespan", String.valueOf(lifespanSeconds)));
        }
        List<Map<String, Object>> mappers = new java.util.ArrayList<>();
        mappers.add(Map.of("name", "organisation", "protocol", "openid-connect", "protocolMapper", "oidc-hardcoded-claim-mapper",
                "config", Map.of("claim.name", "organisation", "claim.value", organisation, "jsonType.label", "String",
                        "access.token.claim", "true")));
        if (withAudience) {
            mappers.add(Map.of("name", "audience", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                    "config", Map.of("included.custom.audience", AUDIENCE, "access.token.claim", "true")));
        }
        client.put("protocolMappers", mappers);
        RawHttp.Response created = RawHttp.send(RawHttp.Request.of("POST", realmAdmin("/clients"), admin).json(write(client)));
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("Keycloak did not create client " + clientId + ": " + created);
        }
        String id = admin(admin, "/clients?clientId=" + enc(clientId)).get(0).path("id").asText();
        if (created.status() == 409) {
            // Made by an earlier run against the same platform: issue a new secret and keep its role.
            RawHttp.Response renewed = RawHttp.send(RawHttp.Request.of("POST", realmAdmin("/clients/" + id + "/client-secret"), admin));
            secrets.put(clientId, renewed.json().path("value").asText());
            return;
        }
        String user = admin(admin, "/clients/" + id + "/service-account-user").path("id").asText();
        JsonNode roleRepresentation = admin(admin, "/roles/" + enc(role));
        RawHttp.Response mapped = RawHttp.send(RawHttp.Request.of("POST", realmAdmin("/users/" + user + "/role-mappings/realm"), admin)
                .json("[" + roleRepresentation + "]"));
        if (mapped.status() != 204) {
            throw new IllegalStateException("Keycloak did not give " + clientId + " role " + role + ": " + mapped);
        }
        secrets.put(clientId, secret);
    }

    private JsonNode admin(String admin, String path) {
        RawHttp.Response answer = RawHttp.send(RawHttp.Request.of("GET", realmAdmin(path), admin));
        if (answer.status() != 200) {
            throw new IllegalStateException("Keycloak admin GET " + path + ": " + answer);
        }
        return answer.json();
    }

    private String realmAdmin(String path) {
        return keycloak + "/admin/realms/safeguarding" + path;
    }

    private String adminToken() {
        RawHttp.Response answer = RawHttp.send(RawHttp.Request.of("POST", keycloak + "/realms/master/protocol/openid-connect/token", null)
                .withBody("application/x-www-form-urlencoded",
                        "grant_type=password&client_id=admin-cli&username=admin&password=admin".getBytes(StandardCharsets.UTF_8)));
        if (answer.status() != 200) {
            throw new IllegalStateException("no Keycloak admin token: " + answer);
        }
        return answer.json().path("access_token").asText();
    }

    private JsonNode clientCredentials(String clientId) {
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secrets.get(clientId));
        RawHttp.Response answer = RawHttp.send(RawHttp.Request.of("POST", tokenEndpoint, null)
                .withBody("application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8)));
        if (answer.status() != 200) {
            throw new IllegalStateException("no token for " + clientId + ": " + answer);
        }
        return answer.json();
    }

    private static void sleepUntil(Instant when) {
        Duration wait = Duration.between(Instant.now(), when);
        if (!wait.isNegative()) {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encode(Object json) {
        return URL.encodeToString(write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decode(String part) {
        try {
            return JSON.readTree(URL_DECODER.decode(part));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String write(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
