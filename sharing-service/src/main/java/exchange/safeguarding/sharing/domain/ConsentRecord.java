package exchange.safeguarding.sharing.domain;

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

/** One consent decision by (or about) an adult, held by the organisation that recorded it. Never changed. */
@Entity
@Table(name = "consent_record")
public class ConsentRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, updatable = false)
    public String organisation;

    @Column(name = "adult_given_name", nullable = false, updatable = false)
    public String adultGivenName;

    @Column(name = "adult_family_name", nullable = false, updatable = false)
    public String adultFamilyName;

    @Column(name = "adult_date_of_birth", updatable = false)
    public LocalDate adultDateOfBirth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ConsentDecision decision;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<String> purposes;

    @Column(name = "how_obtained", updatable = false)
    public String howObtained;

    @Column(name = "confidentiality_limits_explained", nullable = false, updatable = false)
    public boolean confidentialityLimitsExplained;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
