package exchange.safeguarding.concern.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One thing that happened to a concern: who did what, at which step, when and why. Append-only. */
@Entity
@Table(name = "concern_step")
public class ConcernStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "concern_id", nullable = false)
    public UUID concernId;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    public Step step;

    public String organisation;

    @Column(name = "done_by", nullable = false)
    public String doneBy;

    @Column(name = "done_at", nullable = false)
    public Instant doneAt;

    public String reason;

    public static ConcernStep of(UUID concernId, String action, Step step, String organisation, String doneBy,
                                 Instant at, String reason) {
        ConcernStep entry = new ConcernStep();
        entry.concernId = concernId;
        entry.action = action;
        entry.step = step;
        entry.organisation = organisation;
        entry.doneBy = doneBy;
        entry.doneAt = at;
        entry.reason = reason;
        return entry;
    }
}
