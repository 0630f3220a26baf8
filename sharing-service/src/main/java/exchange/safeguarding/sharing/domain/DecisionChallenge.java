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

/** Someone disputes a decision not to share; resolved by an approver of the disclosing organisation. */
@Entity
@Table(name = "decision_challenge")
public class DecisionChallenge extends PanacheEntityBase {

    public enum Status {
        OPEN, UPHELD, DISMISSED
    }

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    /** The challenger's organisation. */
    @Column(nullable = false, updatable = false)
    public String organisation;

    @Column(name = "raised_by", nullable = false, updatable = false)
    public String raisedBy;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "raised_at", nullable = false, updatable = false)
    public Instant raisedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    public String resolution;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
