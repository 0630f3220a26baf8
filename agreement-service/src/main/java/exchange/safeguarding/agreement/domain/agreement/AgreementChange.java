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

/** One line of an agreement's history: who changed what, when. Append-only. */
@Entity
@Table(name = "agreement_change")
public class AgreementChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    public Integer version;

    @Column(nullable = false)
    public String change;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static AgreementChange of(UUID agreementId, Integer version, String change, String by, Instant at) {
        AgreementChange entry = new AgreementChange();
        entry.agreementId = agreementId;
        entry.version = version;
        entry.change = change;
        entry.changedBy = by;
        entry.changedAt = at;
        return entry;
    }
}
