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
 * One entry of the hash-chained decision log. Insert only: the database refuses updates and deletes. Written by
 * {@link exchange.safeguarding.sharing.service.DecisionLogChain} from the entries decisions leave waiting.
 */
@Entity
@Table(name = "decision_log")
public class LogEntry extends PanacheEntityBase {

    @Id
    public long seq;

    @Column(name = "entry_type", nullable = false, updatable = false)
    public String entryType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    public UUID subjectId;

    @Column(nullable = false, updatable = false)
    public String organisation;

    /** Canonical JSON (sorted keys), stored as text so the hashed bytes are exactly what is kept. */
    @Column(nullable = false, updatable = false)
    public String payload;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;

    @Column(name = "previous_hash", nullable = false, updatable = false)
    public String previousHash;

    @Column(nullable = false, updatable = false)
    public String hash;

    /** The waiting entry this was linked from; bookkeeping, outside the hash (null before staging existed). */
    @Column(name = "pending_id", updatable = false)
    public Long pendingId;
}
