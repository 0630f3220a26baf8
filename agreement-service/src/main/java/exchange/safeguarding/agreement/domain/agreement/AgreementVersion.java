package exchange.safeguarding.agreement.domain.agreement;

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

/** One version of an agreement: its terms and where it stands. */
@Entity
@Table(name = "agreement_version")
public class AgreementVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(nullable = false)
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public AgreementTerms terms;

    /** Party codes, denormalised from the terms so coverage can find candidate versions by index. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(64)[]")
    public String[] parties;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(name = "review_date", nullable = false)
    public LocalDate reviewDate;

    @Column(name = "review_due_announced_at")
    public Instant reviewDueAnnouncedAt;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason")
    public String endReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "lock_version")
    public long lockVersion;

    public static AgreementVersion draft(UUID agreementId, int number, AgreementTerms terms, Instant now) {
        AgreementVersion version = new AgreementVersion();
        version.id = UUID.randomUUID();
        version.agreementId = agreementId;
        version.version = number;
        version.status = AgreementStatus.DRAFT;
        version.createdAt = now;
        version.setTerms(terms, now);
        return version;
    }

    public void setTerms(AgreementTerms newTerms, Instant now) {
        terms = newTerms;
        parties = newTerms.partyCodes().toArray(String[]::new);
        effectiveFrom = newTerms.effectiveFrom();
        effectiveTo = newTerms.effectiveTo();
        reviewDate = newTerms.reviewDate();
        updatedAt = now;
    }

    /** Terms may change only while nobody has signed. */
    public boolean editable() {
        return status == AgreementStatus.DRAFT;
    }

    public boolean openForSignature() {
        return status == AgreementStatus.DRAFT || status == AgreementStatus.AWAITING_SIGNATURES;
    }

    public void end(AgreementStatus finalStatus, String reason, Instant at) {
        status = finalStatus;
        endedAt = at;
        endReason = reason;
        updatedAt = at;
    }
}
