package exchange.safeguarding.concern.domain;

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
import java.util.UUID;

/**
 * A safeguarding concern about an adult at risk. It belongs to the organisation that raised it, never to
 * an individual; the person who raised it is recorded, and withheld from their organisation when the
 * concern is a whistleblowing one.
 */
@Entity
@Table(name = "concern")
public class Concern extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The raising organisation. */
    @Column(nullable = false)
    public String organisation;

    @Column(name = "raised_by", nullable = false)
    public String raisedBy;

    @Column(name = "raised_by_name", nullable = false)
    public String raisedByName;

    @Column(name = "adult_person_id")
    public UUID adultPersonId;

    @Column(name = "adult_given_name", nullable = false)
    public String adultGivenName;

    @Column(name = "adult_family_name", nullable = false)
    public String adultFamilyName;

    @Column(name = "adult_date_of_birth")
    public LocalDate adultDateOfBirth;

    @Column(name = "adult_nhs_number")
    public String adultNhsNumber;

    @Column(name = "adult_postcode")
    public String adultPostcode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "abuse_types", columnDefinition = "varchar(40)[]", nullable = false)
    public String[] abuseTypes = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(name = "location_type")
    public LocationType locationType;

    @Column(name = "setting_name")
    public String settingName;

    /** Normalised setting name: how concerns about one care home are counted together. */
    @Column(name = "setting_key")
    public String settingKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_of_risk")
    public SourceOfRisk sourceOfRisk;

    @Column(name = "pah_person_id")
    public UUID pahPersonId;

    @Column(name = "pah_given_name")
    public String pahGivenName;

    @Column(name = "pah_family_name")
    public String pahFamilyName;

    @Column(name = "pah_relationship")
    public String pahRelationship;

    @Column(name = "what_happened", nullable = false)
    public String whatHappened;

    @Column(name = "immediate_actions")
    public String immediateActions;

    @Column(name = "views_and_wishes")
    public String viewsAndWishes;

    @Column(name = "desired_outcomes")
    public String desiredOutcomes;

    @Enumerated(EnumType.STRING)
    @Column(name = "lacked_capacity")
    public CapacityAnswer lackedCapacity;

    @Column(name = "capacity_support")
    public String capacitySupport;

    @Column(name = "emergency_services_contacted", nullable = false)
    public boolean emergencyServicesContacted;

    /** About the raiser's own organisation or manager: bypasses that organisation's management. */
    @Column(nullable = false)
    public boolean whistleblowing;

    @Column(name = "implicates_safeguarding_lead", nullable = false)
    public boolean implicatesSafeguardingLead;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Urgency urgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConcernStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_step")
    public Step currentStep;

    /** The organisation whose people must act at the current step. */
    @Column(name = "owner_organisation")
    public String ownerOrganisation;

    @Column(name = "local_authority")
    public String localAuthority;

    /** When the current step's response is due; past it, the concern escalates. Null when nothing is owed. */
    @Column(name = "response_due_at")
    public Instant responseDueAt;

    @Column(name = "section42_met")
    public Boolean section42Met;

    @Column(name = "enquiry_type")
    public String enquiryType;

    public String outcome;

    @Column(name = "risk_result")
    public String riskResult;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closure_reason")
    public String closureReason;

    @Column(name = "closed_without_referral", nullable = false)
    public boolean closedWithoutReferral;

    @Version
    public long version;

    public boolean raisedBy(String subject) {
        return raisedBy.equals(subject);
    }
}
