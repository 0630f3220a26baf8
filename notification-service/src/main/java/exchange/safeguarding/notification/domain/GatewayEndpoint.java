package exchange.safeguarding.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Where an organisation's gateway receives webhooks; a replica of agreement-service's record. */
@Entity
@Table(name = "gateway_endpoint")
public class GatewayEndpoint extends PanacheEntityBase {

    @Id
    public String organisation;

    @Column(nullable = false)
    public String url;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<SigningSecret> secrets = new ArrayList<>();

    /** Set when the gateway answered 410 Gone; deliveries wait until it is re-enabled or reconfigured. */
    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason")
    public String disabledReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean enabled() {
        return disabledAt == null;
    }

    public List<SigningSecret> secretsValidAt(Instant at) {
        return secrets.stream().filter(s -> s.validAt(at)).toList();
    }
}
