package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.config.GatewayConfig;
import exchange.safeguarding.agreement.domain.EscalationStep;
import exchange.safeguarding.agreement.domain.GatewayAddress;
import exchange.safeguarding.agreement.domain.GatewayClientTask;
import exchange.safeguarding.agreement.domain.GatewaySecret;
import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.domain.OrganisationChange;
import exchange.safeguarding.agreement.domain.OrganisationType;
import exchange.safeguarding.agreement.domain.SafeguardingLead;
import exchange.safeguarding.agreement.domain.WhistleblowingPolicy;
import exchange.safeguarding.agreement.messaging.OrganisationEvents;
import exchange.safeguarding.agreement.repository.GatewaySecretRepository;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.crypto.SecretSealer;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registering partner organisations and keeping their set-up; every change is recorded and announced. */
@ApplicationScoped
public class OrganisationRegistry {

    /** A new signing secret, shown to the caller once and never again. */
    public record IssuedSecret(UUID id, String secret) {
    }

    public record GatewaySetting(String organisation, String url, Optional<IssuedSecret> issued) {
    }

    public record SafeguardingSetup(SafeguardingLead lead, WhistleblowingPolicy policy, List<EscalationStep> route) {
    }

    private final OrganisationRepository organisations;
    private final GatewaySecretRepository secrets;
    private final OrganisationEvents events;
    private final SecretSealer sealer;
    private final GatewayConfig gatewayConfig;
    private final OrganisationAccess access;
    private final OrganisationActivation activation;
    private final GatewayClientProvisioning provisioning;
    private final Clock clock;

    public OrganisationRegistry(OrganisationRepository organisations, GatewaySecretRepository secrets,
                                OrganisationEvents events, SecretSealer sealer, GatewayConfig gatewayConfig,
                                OrganisationAccess access, OrganisationActivation activation,
                                GatewayClientProvisioning provisioning, Clock clock) {
        this.organisations = organisations;
        this.secrets = secrets;
        this.events = events;
        this.sealer = sealer;
        this.gatewayConfig = gatewayConfig;
        this.access = access;
        this.activation = activation;
        this.provisioning = provisioning;
        this.clock = clock;
    }

    @Transactional
    public Organisation register(Caller caller, String code, String name, OrganisationType type, String areaServed) {
        if (organisations.findById(code) != null) {
            throw ProblemException.conflict("An organisation with code " + code + " is already registered");
        }
        Instant now = clock.instant();
        Organisation organisation = Organisation.register(code, name, type, areaServed, now);
        organisations.persist(organisation);
        record(organisation, caller, "registered as " + type + " '" + name + "'", now);
        events.publish(OrganisationEvents.REGISTERED, organisation, today());
        provisioning.schedule(organisation, GatewayClientTask.Action.ENSURE, now);
        return organisation;
    }

    @Transactional
    public Organisation updateDetails(Caller caller, String code, String name, OrganisationType type, String areaServed) {
        Organisation organisation = access.manageable(caller, code);
        Instant now = clock.instant();
        organisation.name = name;
        organisation.type = type;
        organisation.areaServed = areaServed;
        organisation.updatedAt = now;
        record(organisation, caller, "details set: '" + name + "', " + type + ", area '" + areaServed + "'", now);
        events.publish(OrganisationEvents.UPDATED, organisation, today());
        provisioning.schedule(organisation, GatewayClientTask.Action.ENSURE, now); // the client's name follows
        return organisation;
    }

    /** The organisation's own safeguarding lead (or an administrator) keeps its safeguarding set-up. */
    @Transactional
    public Organisation updateSafeguardingSetup(Caller caller, String code, SafeguardingSetup setup) {
        Organisation organisation = access.setUpManageable(caller, code);
        Instant now = clock.instant();
        organisation.safeguardingLead = setup.lead();
        organisation.whistleblowingPolicy = setup.policy();
        organisation.escalationRoute = setup.route();
        organisation.updatedAt = now;
        record(organisation, caller, "safeguarding set-up changed", now);
        events.publish(OrganisationEvents.UPDATED, organisation, today());
        activation.reconcile(organisation, caller.name());
        return organisation;
    }

    @Transactional
    public Organisation suspend(Caller caller, String code, String reason) {
        Organisation organisation = access.manageable(caller, code);
        if (organisation.suspendedAt != null) {
            throw ProblemException.conflict("Organisation " + code + " is already suspended");
        }
        Instant now = clock.instant();
        organisation.suspendedAt = now;
        organisation.suspensionReason = reason;
        organisation.updatedAt = now;
        record(organisation, caller, "suspended: " + reason, now);
        events.publish(OrganisationEvents.SUSPENDED, organisation, today());
        activation.reconcile(organisation, caller.name());
        provisioning.schedule(organisation, GatewayClientTask.Action.DISABLE, now);
        return organisation;
    }

    @Transactional
    public Organisation reinstate(Caller caller, String code, String reason) {
        Organisation organisation = access.manageable(caller, code);
        if (organisation.suspendedAt == null) {
            throw ProblemException.conflict("Organisation " + code + " is not suspended");
        }
        Instant now = clock.instant();
        organisation.suspendedAt = null;
        organisation.suspensionReason = null;
        organisation.updatedAt = now;
        record(organisation, caller, "reinstated: " + reason, now);
        events.publish(OrganisationEvents.REINSTATED, organisation, today());
        activation.reconcile(organisation, caller.name());
        provisioning.schedule(organisation, GatewayClientTask.Action.ENABLE, now);
        return organisation;
    }

    /**
     * Sets where the organisation receives webhooks. The first configuration issues a signing secret,
     * returned once; later changes of address keep the secret.
     */
    @Transactional
    public GatewaySetting configureGateway(Caller caller, String code, String url) {
        Organisation organisation = access.setUpManageable(caller, code);
        Instant now = clock.instant();
        organisation.gatewayUrl = GatewayAddress.validate(url, gatewayConfig.allowLoopbackHttp());
        organisation.updatedAt = now;
        Optional<IssuedSecret> issued = Optional.empty();
        if (secrets.validFor(organisation.code, now).isEmpty()) {
            issued = Optional.of(issueSecret(organisation.code, now));
        }
        record(organisation, caller, "gateway set to " + organisation.gatewayUrl, now);
        events.gatewayConfigured(organisation, secrets.validFor(organisation.code, now));
        return new GatewaySetting(organisation.code, organisation.gatewayUrl, issued);
    }

    /** Issues a new secret; the previous ones keep signing for the configured overlap. */
    @Transactional
    public GatewaySetting rotateSecret(Caller caller, String code) {
        Organisation organisation = access.setUpManageable(caller, code);
        if (organisation.gatewayUrl == null) {
            throw ProblemException.ruleViolated("Configure the gateway address before rotating its secret");
        }
        Instant now = clock.instant();
        for (GatewaySecret current : secrets.validFor(organisation.code, now)) {
            if (current.notAfter == null) {
                current.notAfter = now.plus(gatewayConfig.secretOverlap());
            }
        }
        IssuedSecret issued = issueSecret(organisation.code, now);
        record(organisation, caller, "gateway secret rotated", now);
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

    private void record(Organisation organisation, Caller caller, String change, Instant at) {
        OrganisationChange.of(organisation.code, change, caller.name(), at).persist();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }
}
