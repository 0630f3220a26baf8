package exchange.safeguarding.agreement.domain.agreement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A stretch of time in which a version was in force; an open period has no end yet. */
@Entity
@Table(name = "agreement_period")
public class AgreementPeriod extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "version_id", nullable = false)
    public UUID versionId;

    @Column(name = "from_time", nullable = false)
    public Instant from;

    @Column(name = "until_time")
    public Instant until;

    public static AgreementPeriod opening(UUID versionId, Instant at) {
        AgreementPeriod period = new AgreementPeriod();
        period.versionId = versionId;
        period.from = at;
        return period;
    }
}
