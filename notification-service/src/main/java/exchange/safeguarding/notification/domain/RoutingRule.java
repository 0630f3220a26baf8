package exchange.safeguarding.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An organisation's choice of channels for one event type, set by its administrator or safeguarding lead. */
@Entity
@Table(name = "routing_rule")
@IdClass(RoutingRule.Key.class)
public class RoutingRule extends PanacheEntityBase {

    public record Key(String organisation, String eventType) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public String organisation;

    @Id
    @Column(name = "event_type")
    public String eventType;

    /** Whether the organisation's gateway receives a webhook for this event type. */
    @Column(nullable = false)
    public boolean webhook;

    /**
     * Whether the organisation's safeguarding lead (from agreement-service's set-up) is emailed: always, never,
     * or ({@code null}) when the notification asks a lead to act.
     */
    @Column(name = "email_lead")
    public Boolean emailLead;

    /** Further named contacts emailed, such as a duty team's shared mailbox. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "email_to", nullable = false)
    public List<String> emailTo = new ArrayList<>();

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
