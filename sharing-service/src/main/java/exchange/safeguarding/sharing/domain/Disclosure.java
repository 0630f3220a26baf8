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
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;

/**
 * What was actually shared: the exact snapshot of the released categories, taken from concern-service when
 * the decision allowed it. Read by the recipient organisation only.
 */
@Entity
@Table(name = "disclosure")
public class Disclosure extends PanacheEntityBase {

    public enum Status {
        /** Approved; the snapshot is being taken (retried while concern-service is unreachable). */
        PREPARING,
        MADE,
        /** Consent was withdrawn before anything left. */
        CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false, updatable = false)
    public UUID requestId;

    @Column(nullable = false, updatable = false)
    public String organisation;

    @Column(nullable = false, updatable = false)
    public String recipient;

    @Column(name = "adult_person_id", updatable = false)
    public UUID adultPersonId;

    @Column(name = "concern_id", updatable = false)
    public UUID concernId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Purpose purpose;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<DataCategory> categories;

    @Column(nullable = false, updatable = false)
    public boolean emergency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The released data exactly as sent, byte for byte; its digest is in the decision log. */
    public String snapshot;

    @Column(name = "snapshot_sha256")
    public String snapshotSha256;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "made_at")
    public Instant madeAt;
}
