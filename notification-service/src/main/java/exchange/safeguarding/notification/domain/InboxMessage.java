package exchange.safeguarding.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A notification in an organisation's inbox, for the role that must act (or the whole organisation). */
@Entity
@Table(name = "inbox_message")
public class InboxMessage extends PanacheEntityBase {

    /** Audiences meant for everyone in the organisation. */
    private static final Set<String> WHOLE_ORGANISATION = Set.of("emergency", "raiser");

    @Id
    public UUID id;

    @Column(nullable = false)
    public String organisation;

    public String audience;

    /** For the audience's role alone: not the organisation's gateway, whatever the audience (decision 18). */
    @Column(nullable = false)
    public boolean confidential;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    public String subject;

    /** The same allow-listed body a webhook carries, as text (JSON). */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "read_by")
    public String readBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    /** The caller's organisation, and a role the message is for (gateways see all of their organisation's). */
    public boolean visibleTo(String callerOrganisation, Set<String> roles) {
        if (!organisation.equals(callerOrganisation)) {
            return false;
        }
        // An audience may name several roles, space-separated (the lead and the Caldicott guardian).
        boolean addressed = audience != null && java.util.Arrays.stream(audience.split(" ")).anyMatch(roles::contains);
        if (confidential) {
            return addressed;
        }
        return audience == null || WHOLE_ORGANISATION.contains(audience) || addressed || roles.contains("gateway");
    }
}
