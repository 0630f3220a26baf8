package exchange.safeguarding.agreement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** How agreement-service reaches Keycloak's admin REST API to provision organisations' gateway clients. */
@ConfigMapping(prefix = "agreement.keycloak")
public interface KeycloakAdminConfig {

    /** Keycloak base URL, e.g. http://localhost:8180 (no /realms suffix). */
    String url();

    /** The realm holding the gateway clients; agreement-service's own client lives there too. */
    @WithDefault("safeguarding")
    String realm();

    /** agreement-service's confidential client, whose service account holds the realm-management roles. */
    @WithDefault("agreement-service")
    String clientId();

    /** From the secret store in production (checked at start); the local platform and tests set the demo secret. */
    Optional<String> clientSecret();

    /** Off where no Keycloak admin API is reachable (e.g. tests): gateway clients are then not touched. */
    @WithDefault("true")
    boolean provisioningEnabled();
}
