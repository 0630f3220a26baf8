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

/** One agreement version as agreement-service announced it; decisions are made against these. */
@Entity
@Table(name = "agreement_replica")
public class AgreementVersionReplica extends PanacheEntityBase {

    @Id
    @Column(name = "version_id")
    public UUID versionId;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(nullable = false)
    public String reference;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ReplicatedTerms terms;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Active, and within its effective dates today. */
    public boolean inForce(LocalDate today) {
        return "ACTIVE".equals(status) && (effectiveFrom == null || !today.isBefore(effectiveFrom))
                && (effectiveTo == null || !today.isAfter(effectiveTo));
    }
}
