package exchange.safeguarding.agreement.messaging;

import exchange.safeguarding.agreement.domain.EscalationStep;
import exchange.safeguarding.agreement.domain.GatewaySecret;
import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Organisation lifecycle events on {@value #TOPIC}, keyed by organisation code. Each carries the whole
 * organisation (never its secrets), so consumers keep a replica without asking back.
 */
@ApplicationScoped
public class OrganisationEvents {

    public static final String TOPIC = "safeguarding.agreements";
    public static final String REGISTERED = "organisation.registered.v1";
    public static final String UPDATED = "organisation.updated.v1";
    public static final String ACTIVATED = "organisation.activated.v1";
    public static final String DEACTIVATED = "organisation.deactivated.v1";
    public static final String SUSPENDED = "organisation.suspended.v1";
    public static final String REINSTATED = "organisation.reinstated.v1";
    public static final String GATEWAY_CONFIGURED = "organisation.gateway-configured.v1";

    public record Lead(String name, String role, String email, String phone) {
    }

    public record Policy(String reference, String owner, LocalDate reviewDate) {
    }

    /** The organisation as consumers replicate it. */
    public record OrganisationSnapshot(String code, String name, String type, String areaServed, String status,
                                       List<String> missing, Lead safeguardingLead, Policy whistleblowingPolicy,
                                       List<EscalationStep> escalationRoute, String suspensionReason) {
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

    public void publish(String type, Organisation organisation, LocalDate today) {
        outbox.append(TOPIC, type, organisation.code, snapshot(organisation, today));
    }

    public void gatewayConfigured(Organisation organisation, List<GatewaySecret> secrets) {
        outbox.append(TOPIC, GATEWAY_CONFIGURED, organisation.code, new GatewayConfigured(organisation.code,
                organisation.gatewayUrl, secrets.stream()
                .map(s -> new SigningSecret(s.id, s.sealedSecret, s.notAfter)).toList()));
    }

    public static OrganisationSnapshot snapshot(Organisation o, LocalDate today) {
        var lead = o.safeguardingLead == null ? null
                : new Lead(o.safeguardingLead.name, o.safeguardingLead.role, o.safeguardingLead.email, o.safeguardingLead.phone);
        var policy = o.whistleblowingPolicy == null || o.whistleblowingPolicy.reference == null ? null
                : new Policy(o.whistleblowingPolicy.reference, o.whistleblowingPolicy.owner, o.whistleblowingPolicy.reviewDate);
        return new OrganisationSnapshot(o.code, o.name, o.type.name(), o.areaServed, o.statusOn(today).name(),
                o.missingForActivation(today), lead, policy, o.escalationRoute, o.suspensionReason);
    }
}
