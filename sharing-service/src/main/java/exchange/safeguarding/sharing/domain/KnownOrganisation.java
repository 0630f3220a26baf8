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

    /** INCOMPLETE, ACTIVE or SUSPENDED, as agreement-service last announced. */
    @Column(nullable = false)
    public String status = "INCOMPLETE";

    @Column(name = "area_served")
    public String areaServed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean localAuthority() {
        return "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES".equals(type);
    }

    public boolean serves(String area) {
        return area != null && areaServed != null && areaServed.trim().equalsIgnoreCase(area.trim());
    }

    /** Police, ambulance and fire: the emergency services an emergency may reach without an agreement. */
    public boolean emergencyService() {
        return "POLICE".equals(type) || "AMBULANCE".equals(type) || "FIRE_AND_RESCUE".equals(type);
    }
}
