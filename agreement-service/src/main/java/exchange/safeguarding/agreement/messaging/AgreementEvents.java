package exchange.safeguarding.agreement.messaging;

import exchange.safeguarding.agreement.domain.agreement.AgreementSignature;
import exchange.safeguarding.agreement.domain.agreement.AgreementTerms;
import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;
import exchange.safeguarding.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agreement lifecycle events on {@value OrganisationEvents#TOPIC}, keyed by agreement id so one agreement's
 * versions stay in order. Each carries the whole version (terms, signatures, status): sharing-service
 * decides from its replica without calling back.
 */
@ApplicationScoped
public class AgreementEvents {

    public static final String DRAFTED = "agreement.drafted.v1";
    public static final String SIGNED = "agreement.signed.v1";
    public static final String ACTIVATED = "agreement.activated.v1";
    public static final String AMENDED = "agreement.amended.v1";
    public static final String SUPERSEDED = "agreement.superseded.v1";
    public static final String SUSPENDED = "agreement.suspended.v1";
    public static final String RESUMED = "agreement.resumed.v1";
    public static final String TERMINATED = "agreement.terminated.v1";
    public static final String REVIEW_DUE = "agreement.review-due.v1";
    public static final String LAPSED = "agreement.lapsed.v1";
    public static final String EXPIRED = "agreement.expired.v1";

    public record Signature(String organisation, String signatoryName, String signatoryRole, Instant signedAt) {
    }

    public record AgreementSnapshot(UUID agreementId, String reference, UUID versionId, int version, String status,
                                    AgreementTerms terms, List<Signature> signatures, Instant activatedAt,
                                    Instant endedAt, String endReason) {
    }

    private final Outbox outbox;

    public AgreementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, SharingAgreement agreement, AgreementVersion version, List<AgreementSignature> signatures) {
        outbox.append(OrganisationEvents.TOPIC, type, agreement.id.toString(), snapshot(agreement, version, signatures));
    }

    public static AgreementSnapshot snapshot(SharingAgreement agreement, AgreementVersion v, List<AgreementSignature> signatures) {
        return new AgreementSnapshot(agreement.id, agreement.reference, v.id, v.version, v.status.name(), v.terms,
                signatures.stream().map(s -> new Signature(s.organisation, s.signatoryName, s.signatoryRole, s.signedAt)).toList(),
                v.activatedAt, v.endedAt, v.endReason);
    }
}
