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

/** What sharing-service knows of a concern, from concern-service's events. */
@Entity
@Table(name = "concern_replica")
public class ConcernReplica extends PanacheEntityBase {

    @Id
    @Column(name = "concern_id")
    public UUID concernId;

    @Column(nullable = false)
    public String organisation;

    @Column(name = "adult_person_id")
    public UUID adultPersonId;

    @Column(name = "local_authority")
    public String localAuthority;

    @Column(nullable = false)
    public String urgency;

    @Column(nullable = false)
    public boolean whistleblowing;

    @Column(name = "raised_at", nullable = false)
    public Instant raisedAt;

    public static ConcernReplica of(UUID concernId, String organisation, UUID adultPersonId, String localAuthority,
                                    String urgency, boolean whistleblowing, Instant raisedAt) {
        ConcernReplica c = new ConcernReplica();
        c.concernId = concernId;
        c.organisation = organisation;
        c.adultPersonId = adultPersonId;
        c.localAuthority = localAuthority;
        c.urgency = urgency;
        c.whistleblowing = whistleblowing;
        c.raisedAt = raisedAt;
        return c;
    }
}
