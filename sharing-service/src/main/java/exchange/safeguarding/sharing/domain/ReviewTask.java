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

/** An emergency disclosure, approved at once, is reviewed afterwards by a safeguarding lead or Caldicott guardian. */
@Entity
@Table(name = "review_task")
public class ReviewTask extends PanacheEntityBase {

    public enum Status {
        OPEN, DONE
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

    /** Whether sharing was appropriate, in the reviewer's judgement. */
    public Boolean appropriate;

    public String notes;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;
}
