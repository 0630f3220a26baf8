package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.sharing.domain.AccessLogEntry;
import exchange.safeguarding.sharing.domain.EmergencyJustification;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.sharing.domain.DecisionChallenge;
import exchange.safeguarding.sharing.domain.DecisionReason;
import exchange.safeguarding.sharing.domain.Disclosure;
import exchange.safeguarding.sharing.domain.InformTask;
import exchange.safeguarding.sharing.domain.LegalDuty;
import exchange.safeguarding.sharing.domain.PublicInterestBalancing;
import exchange.safeguarding.sharing.domain.ReviewTask;
import exchange.safeguarding.sharing.domain.SharingRequest;
import exchange.safeguarding.sharing.domain.WithdrawalNotice;
import exchange.safeguarding.sharing.domain.WithheldCategory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the API returns: request, decision and follow-ups as the caller may see them. */
public final class SharingViews {

    private SharingViews() {
    }

    @Schema(name = "AdultView", description = "The adult as the request identified them")
    public record Adult(UUID personId, String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth) {
    }

    public record LawfulBasis(String article6, String article9, String schedule1, String criminalOffenceCondition) {
    }

    public record AgreementRef(UUID agreementId, String reference, Integer version, UUID versionId) {
    }

    @Schema(description = "A sharing request and its decision, with every reason", example = ApiExamples.SHARING_REQUEST)
    public record SharingRequestView(UUID id, String organisation, String recipient, Adult adult, UUID concernId,
                                     String purpose, List<DataCategory> requestedCategories, boolean emergency,
                                     String ground, String justification, PublicInterestBalancing publicInterest,
                                     LegalDuty legalDuty, String requestedBy, Instant requestedAt, String outcome,
                                     List<DecisionReason> reasons, List<DataCategory> releasedCategories,
                                     List<WithheldCategory> withheld, boolean withoutConsent, UUID consentRecordId,
                                     AgreementRef agreement, LawfulBasis lawfulBasis, Instant decidedAt, String decidedBy,
                                     String decisionNote,
                                     @Schema(description = "The threat and why it could not wait (emergencies)")
                                     EmergencyJustification emergencyJustification,
                                     @Schema(description = "How the concern reached the recipient, when the platform "
                                             + "asked on a concern's route (EMERGENCY, REFERRAL, ESCALATION, WHISTLEBLOWING, "
                                             + "CHALLENGE, CLOSED_WITHOUT_REFERRAL, PATTERN); null for a person's request")
                                     String route) {
        static SharingRequestView of(SharingRequest r) {
            return new SharingRequestView(r.id, r.organisation, r.recipient,
                    new Adult(r.adultPersonId, r.adultNhsNumber, r.adultGivenName, r.adultFamilyName, r.adultDateOfBirth),
                    r.concernId, r.purpose.name(), r.requestedCategories, r.emergency, name(r.ground), r.justification,
                    r.publicInterest, r.legalDuty, r.requestedByName, r.requestedAt, r.outcome.name(), r.reasons,
                    r.releasedCategories, r.withheld, r.withoutConsent, r.consentRecordId,
                    r.agreementId == null ? null : new AgreementRef(r.agreementId, r.agreementReference, r.agreementVersion,
                            r.agreementVersionId),
                    new LawfulBasis(name(r.article6Basis), name(r.article9Condition), name(r.schedule1Condition),
                            name(r.criminalOffenceCondition)),
                    r.decidedAt, r.decidedBy, r.decisionNote, r.emergencyJustification, name(r.route));
        }
    }

    /** The recipient sees the data itself; the discloser sees what was sent, not a second copy of it. */
    @Schema(description = "A disclosure: what was released, to whom, when", example = ApiExamples.DISCLOSURE)
    public record DisclosureView(UUID id, UUID requestId, String organisation, String recipient, UUID adultPersonId,
                                 UUID concernId, String purpose, List<DataCategory> categories, boolean emergency,
                                 String status, Instant madeAt, String snapshotSha256,
                                 @Schema(description = "The data as released, keyed by data category (the recipient only)")
                                 JsonNode data, Integer attempts,
                                 String lastError) {
        /** For the recipient (or a subject access export): with the data exactly as released. */
        static DisclosureView withData(Disclosure d, com.fasterxml.jackson.databind.ObjectMapper json) {
            try {
                return of(d, true, d.snapshot == null ? null : json.readTree(d.snapshot));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("stored snapshot of disclosure " + d.id + " is not JSON", e);
            }
        }

        static DisclosureView of(Disclosure d, boolean recipient, JsonNode data) {
            return new DisclosureView(d.id, d.requestId, d.organisation, d.recipient, d.adultPersonId, d.concernId,
                    d.purpose.name(), d.categories, d.emergency, d.status.name(), d.madeAt, d.snapshotSha256,
                    recipient ? data : null, recipient ? null : d.attempts, recipient ? null : d.lastError);
        }
    }

    @Schema(description = "Telling the person their information was shared", example = ApiExamples.INFORM_TASK)
    public record InformTaskView(UUID id, UUID requestId, String organisation, Instant dueAt, boolean overdue, String status,
                                 Instant informedAt, String howInformed, String exemptionReason, String explanation,
                                 String recordedBy, Instant recordedAt) {
        static InformTaskView of(InformTask t, Instant now) {
            return new InformTaskView(t.id, t.requestId, t.organisation, t.dueAt,
                    t.status == InformTask.Status.OPEN && now.isAfter(t.dueAt), t.status.name(), t.informedAt, t.howInformed,
                    name(t.exemptionReason), t.explanation, t.recordedBy, t.recordedAt);
        }
    }

    @Schema(description = "The review of an emergency disclosure", example = ApiExamples.REVIEW_TASK)
    public record ReviewTaskView(UUID id, UUID requestId, String organisation, Instant dueAt, String status,
                                 Boolean appropriate, String notes, String reviewedBy, Instant reviewedAt) {
        static ReviewTaskView of(ReviewTask t) {
            return new ReviewTaskView(t.id, t.requestId, t.organisation, t.dueAt, t.status.name(), t.appropriate, t.notes,
                    t.reviewedBy, t.reviewedAt);
        }
    }

    @Schema(description = "A challenge of a decision not to share", example = ApiExamples.CHALLENGE)
    public record ChallengeView(UUID id, UUID requestId, String organisation, String raisedBy, String reason,
                                Instant raisedAt, String status, String resolution, String resolvedBy, Instant resolvedAt) {
        static ChallengeView of(DecisionChallenge c) {
            return new ChallengeView(c.id, c.requestId, c.organisation, c.raisedBy, c.reason, c.raisedAt, c.status.name(),
                    c.resolution, c.resolvedBy, c.resolvedAt);
        }
    }

    public record WithdrawalNoticeView(UUID id, UUID withdrawnConsentId, UUID disclosureId, String recipient,
                                       Instant noticeSentAt, Instant toldAt) {
        static WithdrawalNoticeView of(WithdrawalNotice n) {
            return new WithdrawalNoticeView(n.id, n.consentId, n.disclosureId, n.recipient, n.createdAt, n.toldAt);
        }
    }

    @Schema(description = "A read of the organisation's information by another organisation", example = ApiExamples.ACCESS_LOG_ENTRY)
    public record AccessLogView(UUID id,
                                @Schema(description = "CONCERN, CONCERN_LIST, CHRONOLOGY, DISCLOSURE or SUBJECT_ACCESS_EXPORT")
                                String what, String ownerOrganisation, String readerOrganisation, String readerSubject,
                                String readerName, UUID concernId, UUID disclosureId, UUID adultPersonId,
                                List<DataCategory> categories,
                                @Schema(description = "The sharing decisions the read rests on") List<UUID> decisions,
                                Instant readAt) {
        static AccessLogView of(AccessLogEntry e) {
            return new AccessLogView(e.id, e.what, e.ownerOrganisation, e.readerOrganisation, e.readerSubject, e.readerName,
                    e.concernId, e.disclosureId, e.adultPersonId, e.categories, e.decisions, e.readAt);
        }
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
