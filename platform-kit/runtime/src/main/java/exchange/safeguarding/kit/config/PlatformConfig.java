package exchange.safeguarding.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings every service shares; each service sets its own name and the topics it publishes. */
@ConfigMapping(prefix = "kit")
public interface PlatformConfig {

    /** Service name, used as the CloudEvents source and the outbox relay's lock name. */
    String serviceName();

    Outbox outbox();

    Topics topics();

    /** Base64 AES-256 key used to seal secrets that travel inside events (gateway signing secrets). */
    Optional<String> secretSealingKey();

    /** What a production start requires (see {@code exchange.safeguarding.kit.secrets.ProductionSecrets}). */
    Production production();

    interface Production {
        /** The settings this service holds secrets in; each must be set, and not to a demo value, outside local profiles. */
        @WithDefault("")
        List<String> secrets();
    }

    /** This service's own client for calling other platform services (client-credentials grant). */
    ServiceClient serviceClient();

    /** How fast one caller may call this service instance (see {@code exchange.safeguarding.kit.limits}). */
    RateLimit rateLimit();

    /** The member of staff acting behind an agency gateway (see {@code exchange.safeguarding.kit.caller.ActingPerson}). */
    ActingPersonSettings actingPerson();

    interface ActingPersonSettings {
        /**
         * Whether a gateway call that changes anything (POST, PUT, PATCH, DELETE) must name the member of staff acting;
         * on in the services that record a person (raised by, requested by, decided by).
         */
        @WithDefault("false")
        boolean requiredOnWrites();
    }

    interface RateLimit {
        /** Off only for load tests that measure the services themselves. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Sustained requests per second per caller. A gateway syncing its case system, or a person working, stays far
         * below this; a runaway loop or a scraper does not.
         */
        @WithDefault("50")
        double requestsPerSecond();

        /** Requests a caller may make at once, above the sustained rate, before it is told to wait. */
        @WithDefault("300")
        int burst();
    }

    interface ServiceClient {
        /** Token endpoint, e.g. http://localhost:8180/realms/safeguarding/protocol/openid-connect/token. */
        @WithDefault("http://localhost:8180/realms/safeguarding/protocol/openid-connect/token")
        String tokenUrl();

        @WithDefault("platform-services")
        String clientId();

        /** From the secret store in production; the local platform and the tests set the documented demo secret. */
        Optional<String> clientSecret();
    }

    interface Outbox {
        /** The relay wakes on every commit; this poll is only the safety net. */
        @WithDefault("1s")
        Duration pollInterval();

        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for the broker to acknowledge one batch. */
        @WithDefault("10s")
        Duration ackTimeout();

        @WithDefault("true")
        boolean relayEnabled();
    }

    interface Topics {
        /** Topics this service publishes or needs (its own, its dead-letter topic); created at start when missing. */
        @WithDefault("")
        List<String> ensure();

        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }
}
