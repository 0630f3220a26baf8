package exchange.safeguarding.concern.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One sharing decision about a concern, as sharing-service announced it: which categories it released to which
 * organisation, and which it withheld and why. What an organisation other than the raiser reads of the concern is the
 * union of what its approved decisions released.
 */
@Entity
@Table(name = "concern_release")
public class ConcernRelease extends PanacheEntityBase {

    public record Withheld(String category, String reason) {
    }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "concern_id", nullable = false)
    public UUID concernId;

    /** The organisation the decision is about sharing with. */
    @Column(nullable = false)
    public String organisation;

    /** APPROVED, REFUSED or PENDING_APPROVAL. */
    @Column(nullable = false)
    public String outcome;

    public String route;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(40)[]", nullable = false)
    public String[] released = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Withheld> withheld = List.of();

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public boolean approved() {
        return "APPROVED".equals(outcome);
    }
}
