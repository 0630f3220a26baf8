package exchange.safeguarding.concern.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An organisation's right to see a concern, and why it has it. */
@Entity
@Table(name = "concern_access")
@IdClass(ConcernAccess.Key.class)
public class ConcernAccess extends PanacheEntityBase {

    public enum Reason {
        RAISED, ROUTED, REFERRED, ESCALATED, WHISTLEBLOWING, EMERGENCY, CLOSED_WITHOUT_REFERRAL, DISCLOSED, PATTERN
    }

    public record Key(UUID concernId, String organisation) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "concern_id")
    public UUID concernId;

    @Id
    public String organisation;

    @Column(nullable = false)
    public String reason;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;
}
