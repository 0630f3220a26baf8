package exchange.safeguarding.agreement.rest;

import exchange.safeguarding.agreement.domain.agreement.AgreementChange;
import exchange.safeguarding.agreement.domain.agreement.AgreementSignature;
import exchange.safeguarding.agreement.domain.agreement.AgreementTerms;
import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of the agreement API. */
public final class AgreementViews {

    private AgreementViews() {
    }

    public record SignatureView(String organisation, String signatoryName, String signatoryRole, String signedBy,
                                Instant signedAt) {
        static SignatureView of(AgreementSignature s) {
            return new SignatureView(s.organisation, s.signatoryName, s.signatoryRole, s.signedBy, s.signedAt);
        }
    }

    @Schema(description = "One version of an agreement: its terms, signatures and status", example = ApiExamples.VERSION)
    public record VersionView(UUID agreementId, String reference, UUID versionId, int version, String status,
                              AgreementTerms terms, List<SignatureView> signatures,
                              List<String> waitingFor, Instant activatedAt, Instant reviewDueAnnouncedAt,
                              Instant endedAt, String statusReason) {
        static VersionView of(SharingAgreement a, AgreementVersion v, List<AgreementSignature> signatures, List<String> waitingFor) {
            return new VersionView(a.id, a.reference, v.id, v.version, v.status.name(), v.terms,
                    signatures.stream().map(SignatureView::of).toList(), waitingFor, v.activatedAt,
                    v.reviewDueAnnouncedAt, v.endedAt, v.endReason);
        }
    }

    @Schema(description = "An agreement with all its versions", example = ApiExamples.AGREEMENT)
    public record AgreementView(UUID id, String reference, Instant createdAt, String createdBy, List<VersionView> versions) {
    }

    @Schema(name = "AgreementChange", description = "One change to an agreement or one of its versions")
    public record ChangeView(Integer version, String change, String changedBy, Instant changedAt) {
        static ChangeView of(AgreementChange c) {
            return new ChangeView(c.version, c.change, c.changedBy, c.changedAt);
        }
    }
}
