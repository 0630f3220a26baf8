package exchange.safeguarding.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Who at an organisation is emailed, its safeguarding lead, and its standing, as agreement-service last announced. */
@Entity
@Table(name = "organisation_contact")
public class OrganisationContact extends PanacheEntityBase {

    @Id
    public String organisation;

    @Column(name = "lead_name")
    public String leadName;

    @Column(name = "lead_email")
    public String leadEmail;

    /** INCOMPLETE, ACTIVE or SUSPENDED; null until an event carrying it arrives. */
    public String status;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
