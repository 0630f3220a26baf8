package exchange.safeguarding.sharing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import exchange.safeguarding.kit.vocabulary.Article6Basis;
import exchange.safeguarding.kit.vocabulary.Article9Condition;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.kit.vocabulary.Schedule1Condition;

/**
 * A request from one organisation to share with another about an adult, and the decision on it with every
 * reason. The outcome moves only from PENDING_APPROVAL (approved or refused by an approver), or back to a
 * fresh decision when a challenge is upheld; every decision is also appended to the decision log.
 */
@Entity
@Table(name = "sharing_request")
public class SharingRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The disclosing organisation: the caller's. */
    @Column(nullable = false, updatable = false)
    public String organisation;

    @Column(nullable = false, updatable = false)
    public String recipient;

    @Column(name = "adult_person_id", updatable = false)
    public UUID adultPersonId;

    @Column(name = "adult_nhs_number", updatable = false)
    public String adultNhsNumber;

    @Column(name = "adult_given_name", updatable = false)
    public String adultGivenName;

    @Column(name = "adult_family_name", updatable = false)
    public String adultFamilyName;

    @Column(name = "adult_date_of_birth", updatable = false)
    public LocalDate adultDateOfBirth;

    @Column(name = "concern_id", updatable = false)
    public UUID concernId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Purpose purpose;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "requested_categories", nullable = false, updatable = false)
    public List<DataCategory> requestedCategories;

    @Column(nullable = false, updatable = false)
    public boolean emergency;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Ground ground;

    @Column(updatable = false)
    public String justification;

    /** Required for an emergency: the threat, and why consent or approval could not wait. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "emergency_justification", updatable = false)
    public EmergencyJustification emergencyJustification;

    /** Set when the platform asked on a concern's route (referral, emergency, pattern ...); null for a person's request. */
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    public Route route;

    /**
     * A whistleblowing concern's routing decision: the raising organisation (whose management the concern bypasses)
     * neither sees it nor is given its follow-ups; the local authority, which knows the raiser, follows up.
     */
    @Column(nullable = false, updatable = false)
    public boolean confidential;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "public_interest", updatable = false)
    public PublicInterestBalancing publicInterest;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "legal_duty", updatable = false)
    public LegalDuty legalDuty;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_by_name", nullable = false, updatable = false)
    public String requestedByName;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DecisionReason> reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "released_categories", nullable = false)
    public List<DataCategory> releasedCategories;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<WithheldCategory> withheld;

    @Column(name = "agreement_id")
    public UUID agreementId;

    @Column(name = "agreement_reference")
    public String agreementReference;

    @Column(name = "agreement_version")
    public Integer agreementVersion;

    @Column(name = "agreement_version_id")
    public UUID agreementVersionId;

    @Column(name = "consent_record_id")
    public UUID consentRecordId;

    @Column(name = "without_consent", nullable = false)
    public boolean withoutConsent;

    @Enumerated(EnumType.STRING)
    @Column(name = "article6_basis")
    public Article6Basis article6Basis;

    @Enumerated(EnumType.STRING)
    @Column(name = "article9_condition")
    public Article9Condition article9Condition;

    @Enumerated(EnumType.STRING)
    @Column(name = "schedule1_condition")
    public Schedule1Condition schedule1Condition;

    @Enumerated(EnumType.STRING)
    @Column(name = "criminal_offence_condition")
    public Schedule1Condition criminalOffenceCondition;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** The approver, or whoever refused after review; null when the rules decided alone. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_note")
    public String decisionNote;

    @Version
    public long version;

    /** The basis the decision rests on, as both the decision's and the disclosure's log entries record it. */
    public java.util.Map<String, Object> basisForLog() {
        java.util.Map<String, Object> basis = new java.util.LinkedHashMap<>();
        basis.put("article6", article6Basis);
        basis.put("article9", article9Condition);
        basis.put("schedule1", schedule1Condition);
        basis.put("criminalOffenceCondition", criminalOffenceCondition);
        basis.put("agreement", agreementReference == null ? null : agreementReference + " v" + agreementVersion);
        basis.put("consentRecordId", consentRecordId);
        return basis;
    }

    public void apply(Decision decision, Instant at) {
        outcome = decision.outcome();
        reasons = decision.reasons();
        releasedCategories = decision.released();
        withheld = decision.withheld();
        withoutConsent = decision.withoutConsent();
        consentRecordId = decision.consentRecordId();
        var agreement = decision.agreement();
        agreementId = agreement == null ? null : agreement.agreementId();
        agreementReference = agreement == null ? null : agreement.reference();
        agreementVersion = agreement == null ? null : agreement.version();
        agreementVersionId = agreement == null ? null : agreement.versionId();
        article6Basis = decision.basis().article6();
        article9Condition = decision.basis().article9();
        schedule1Condition = decision.basis().schedule1();
        criminalOffenceCondition = decision.basis().criminalOffence();
        decidedAt = at;
        decidedBy = null;
        decisionNote = null;
    }
}
