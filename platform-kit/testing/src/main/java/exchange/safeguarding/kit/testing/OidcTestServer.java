package exchange.safeguarding.kit.testing;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;

/**
 * An OIDC provider over HTTP (discovery and JWKS) whose keys sign the tokens {@link TestTokens} issues,
 * so services verify real signatures exactly as they do with Keycloak.
 */
public class OidcTestServer extends OidcWiremockTestResource {

    public static final String ISSUER = "https://server.example.com";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        String base = config.getOrDefault("keycloak.url", "http://localhost:8180/auth");
        config.put("quarkus.oidc.auth-server-url", base + "/realms/quarkus/");
        config.put("quarkus.oidc.token.issuer", ISSUER);
        return config;
    }
}
