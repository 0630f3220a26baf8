package exchange.safeguarding.agreement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** A partner agency. Its code is what every token's organisation claim names. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganisationType type;

    @Column(name = "gateway_url")
    public String gatewayUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Organisation register(String code, String name, OrganisationType type, Instant at) {
        Organisation organisation = new Organisation();
        organisation.code = code;
        organisation.name = name;
        organisation.type = type;
        organisation.createdAt = at;
        organisation.updatedAt = at;
        return organisation;
    }
}
