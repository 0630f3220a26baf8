package exchange.safeguarding.agreement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A change the identity provider must make to an organisation's gateway client. Written in the same
 * transaction as the change that needs it, and retried until done, so Keycloak never silently drifts.
 */
@Entity
@Table(name = "gateway_client_task")
public class GatewayClientTask extends PanacheEntityBase {

    public enum Action {
        ENSURE, ENABLE, DISABLE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String organisation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Action action;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "done_at")
    public Instant doneAt;

    @Column(name = "last_error")
    public String lastError;

    public static GatewayClientTask of(String organisation, Action action, Instant now) {
        GatewayClientTask task = new GatewayClientTask();
        task.organisation = organisation;
        task.action = action;
        task.createdAt = now;
        task.nextAttemptAt = now;
        return task;
    }
}
