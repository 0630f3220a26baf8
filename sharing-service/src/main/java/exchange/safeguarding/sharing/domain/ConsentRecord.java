package exchange.safeguarding.sharing.domain;

import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One consent decision by (or about) an adult, held by the organisation that recorded it. Never changed
 * (the table refuses updates): a withdrawal is a new record naming what it withdraws.
 */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String organisation;

    @Column(name = "adult_person_id", updatable = false)
    public UUID adultPersonId;

    @Column(name = "adult_nhs_number", updatable = false)
    public String adultNhsNumber;

    @Column(name = "adult_given_name", nullable = false, updatable = false)
    public String adultGivenName;

    @Column(name = "adult_family_name", nullable = false, updatable = false)
    public String adultFamilyName;

    @Column(name = "adult_date_of_birth", updatable = false)
    public LocalDate adultDateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ConsentDecision decision;

    /** The purposes the decision is about. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<String> purposes;

    /** Consent given: to these organisations (codes) ... */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<String> recipients = List.of();

    /** ... or to any organisation of these types. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "recipient_types", nullable = false, updatable = false)
    public List<String> recipientTypes = List.of();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_categories", nullable = false, updatable = false)
    public List<String> dataCategories = List.of();

    @Column(name = "expires_on", updatable = false)
    public LocalDate expiresOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "not_sought_reason", updatable = false)
    public NotSoughtReason notSoughtReason;

    @Column(updatable = false)
    public String explanation;

    @Column(name = "capacity_assessment_reference", updatable = false)
    public String capacityAssessmentReference;

    @Column(name = "capacity_assessed_on", updatable = false)
    public LocalDate capacityAssessedOn;

    @Column(name = "best_interests_decision", updatable = false)
    public String bestInterestsDecision;

    @Column(name = "best_interests_decided_by", updatable = false)
    public String bestInterestsDecidedBy;

    @Column(name = "best_interests_decider_role", updatable = false)
    public String bestInterestsDeciderRole;

    /** For a withdrawal: the consent it withdraws (null withdraws every consent then in force for the adult). */
    @Column(updatable = false)
    public UUID withdraws;

    @Column(name = "how_obtained", updatable = false)
    public String howObtained;

    @Column(name = "confidentiality_limits_explained", nullable = false, updatable = false)
    public boolean confidentialityLimitsExplained;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    public boolean isAbout(Purpose purpose) {
        return purposes.contains(purpose.name());
    }

    /** Consent given, in date, for this purpose and this recipient (by code or by type). */
    public boolean permits(Purpose purpose, String recipient, String recipientType, LocalDate today) {
        return decision == ConsentDecision.GIVEN && isAbout(purpose)
                && (expiresOn == null || !today.isAfter(expiresOn))
                && (recipients.contains(recipient) || (recipientType != null && recipientTypes.contains(recipientType)));
    }

    public boolean permitsCategory(DataCategory category) {
        return dataCategories.contains(category.name());
    }
}
