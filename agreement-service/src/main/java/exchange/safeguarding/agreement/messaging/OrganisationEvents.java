package exchange.safeguarding.agreement.messaging;

import exchange.safeguarding.agreement.domain.GatewaySecret;
import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Organisation lifecycle events on {@value #TOPIC}, keyed by organisation code. */
@ApplicationScoped
public class OrganisationEvents {

    public static final String TOPIC = "safeguarding.agreements";
    public static final String REGISTERED = "organisation.registered.v1";
    public static final String GATEWAY_CONFIGURED = "organisation.gateway-configured.v1";

    public record OrganisationRegistered(String code, String name, String type) {
    }

    /** Secrets travel sealed: only services holding the sealing key can sign with them. */
    public record GatewayConfigured(String organisation, String url, List<SigningSecret> secrets) {
    }

    public record SigningSecret(UUID id, String sealed, Instant notAfter) {
    }

    private final Outbox outbox;

    public OrganisationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void registered(Organisation organisation) {
        outbox.append(TOPIC, REGISTERED, organisation.code,
                new OrganisationRegistered(organisation.code, organisation.name, organisation.type.name()));
    }

    public void gatewayConfigured(Organisation organisation, List<GatewaySecret> secrets) {
        outbox.append(TOPIC, GATEWAY_CONFIGURED, organisation.code, new GatewayConfigured(organisation.code,
                organisation.gatewayUrl, secrets.stream()
                .map(s -> new SigningSecret(s.id, s.sealedSecret, s.notAfter)).toList()));
    }
}
