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

/**
 * Sharing without consent: the person is told, unless telling them would increase the risk to them or
 * others, in which case the exemption and its reasons are recorded. Open until one or the other.
 */
@Entity
@Table(name = "inform_task")
public class InformTask extends PanacheEntityBase {

    public enum Status {
        OPEN, INFORMED, EXEMPTED
    }

    public enum ExemptionReason {
        WOULD_INCREASE_RISK_TO_ADULT, WOULD_INCREASE_RISK_TO_OTHERS, WOULD_PREJUDICE_PREVENTION_OR_DETECTION_OF_CRIME
    }

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Column(nullable = false, updatable = false)
    public String organisation;

    @Column(name = "due_at", nullable = false, updatable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "informed_at")
    public Instant informedAt;

    @Column(name = "how_informed")
    public String howInformed;

    @Enumerated(EnumType.STRING)
    @Column(name = "exemption_reason")
    public ExemptionReason exemptionReason;

    public String explanation;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "overdue_reported_at")
    public Instant overdueReportedAt;
}
