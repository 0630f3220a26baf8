package exchange.safeguarding.agreement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of an organisation's history: who changed what, when. Append-only. */
@Entity
@Table(name = "organisation_change")
public class OrganisationChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String organisation;

    @Column(nullable = false)
    public String change;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static OrganisationChange of(String organisation, String change, String changedBy, Instant at) {
        OrganisationChange entry = new OrganisationChange();
        entry.organisation = organisation;
        entry.change = change;
        entry.changedBy = changedBy;
        entry.changedAt = at;
        return entry;
    }
}
