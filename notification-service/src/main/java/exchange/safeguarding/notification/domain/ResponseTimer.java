package exchange.safeguarding.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A deadline set for a subject (e.g. a concern's response due time) and whether it was met. */
@Entity
@Table(name = "response_timer")
public class ResponseTimer extends PanacheEntityBase {

    public static final String RUNNING = "RUNNING";
    public static final String MET = "MET";
    public static final String BREACHED = "BREACHED";

    @Id
    @Column(name = "subject_id")
    public String subjectId;

    @Column(name = "subject_type", nullable = false)
    public String subjectType;

    @Column(nullable = false)
    public String owner;

    public String step;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(nullable = false)
    public String status;

    @Column(name = "set_by_event", nullable = false)
    public String setByEvent;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "breached_at")
    public Instant breachedAt;
}
