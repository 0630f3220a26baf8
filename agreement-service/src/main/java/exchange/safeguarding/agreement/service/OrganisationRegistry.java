package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.config.GatewayConfig;
import exchange.safeguarding.agreement.domain.GatewayAddress;
import exchange.safeguarding.agreement.domain.GatewaySecret;
import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.domain.OrganisationChange;
import exchange.safeguarding.agreement.domain.OrganisationType;
import exchange.safeguarding.agreement.messaging.OrganisationEvents;
import exchange.safeguarding.agreement.repository.GatewaySecretRepository;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.crypto.SecretSealer;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Registering partner organisations and their gateways; every change is recorded and announced. */
@ApplicationScoped
public class OrganisationRegistry {

    /** A new signing secret, shown to the caller once and never again. */
    public record IssuedSecret(UUID id, String secret) {
    }

    public record GatewaySetting(String organisation, String url, Optional<IssuedSecret> issued) {
    }

    private final OrganisationRepository organisations;
    private final GatewaySecretRepository secrets;
    private final OrganisationEvents events;
    private final SecretSealer sealer;
    private final GatewayConfig gatewayConfig;
    private final OrganisationAccess access;

    public OrganisationRegistry(OrganisationRepository organisations, GatewaySecretRepository secrets,
                                OrganisationEvents events, SecretSealer sealer, GatewayConfig gatewayConfig,
                                OrganisationAccess access) {
        this.access = access;
        this.organisations = organisations;
        this.secrets = secrets;
        this.events = events;
        this.sealer = sealer;
        this.gatewayConfig = gatewayConfig;
    }

    @Transactional
    public Organisation register(Caller caller, String code, String name, OrganisationType type) {
        if (organisations.findById(code) != null) {
            throw ProblemException.conflict("An organisation with code " + code + " is already registered");
        }
        Instant now = Instant.now();
        Organisation organisation = Organisation.register(code, name, type, now);
        organisations.persist(organisation);
        OrganisationChange.of(code, "registered", caller.name(), now).persist();
        events.registered(organisation);
        return organisation;
    }

    /**
     * Sets where the organisation receives webhooks. The first configuration issues a signing secret,
     * returned once; later changes of address keep the secret.
     */
    @Transactional
    public GatewaySetting configureGateway(Caller caller, String code, String url) {
        Organisation organisation = access.manageable(caller, code);
        Instant now = Instant.now();
        organisation.gatewayUrl = GatewayAddress.validate(url, gatewayConfig.allowLoopbackHttp());
        organisation.updatedAt = now;
        Optional<IssuedSecret> issued = Optional.empty();
        if (secrets.validFor(organisation.code, now).isEmpty()) {
            issued = Optional.of(issueSecret(organisation.code, now));
        }
        OrganisationChange.of(organisation.code, "gateway set to " + organisation.gatewayUrl, caller.name(), now).persist();
        events.gatewayConfigured(organisation, secrets.validFor(organisation.code, now));
        return new GatewaySetting(organisation.code, organisation.gatewayUrl, issued);
    }

    /** Issues a new secret; the previous ones keep signing for the configured overlap. */
    @Transactional
    public GatewaySetting rotateSecret(Caller caller, String code) {
        Organisation organisation = access.manageable(caller, code);
        if (organisation.gatewayUrl == null) {
            throw ProblemException.ruleViolated("Configure the gateway address before rotating its secret");
        }
        Instant now = Instant.now();
        for (GatewaySecret current : secrets.validFor(organisation.code, now)) {
            if (current.notAfter == null) {
                current.notAfter = now.plus(gatewayConfig.secretOverlap());
            }
        }
        IssuedSecret issued = issueSecret(organisation.code, now);
        OrganisationChange.of(organisation.code, "gateway secret rotated", caller.name(), now).persist();
        events.gatewayConfigured(organisation, secrets.validFor(organisation.code, now));
        return new GatewaySetting(organisation.code, organisation.gatewayUrl, Optional.of(issued));
    }

    private IssuedSecret issueSecret(String organisation, Instant now) {
        String plain = GatewaySecret.newPlainSecret();
        GatewaySecret secret = new GatewaySecret();
        secret.id = UUID.randomUUID();
        secret.organisation = organisation;
        secret.sealedSecret = sealer.seal(plain);
        secret.createdAt = now;
        secrets.persist(secret);
        secrets.flush();
        return new IssuedSecret(secret.id, plain);
    }
}
