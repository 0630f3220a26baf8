package exchange.safeguarding.sharing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** This service's replica of a partner organisation, kept from agreement-service's events. */
@Entity
@Table(name = "organisation_replica")
public class KnownOrganisation extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
