package exchange.safeguarding.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.notification.domain.ResponseTimer;
import exchange.safeguarding.notification.messaging.NotificationEvents;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Response-time timers. Every concern event that sets a response due time (routed, escalated, triaged ...)
 * starts or moves the concern's timer; an event without one (acknowledged, closed ...) means the expected
 * follow-up came. When a running timer's time passes first, one breach is announced. Timers live in the
 * database, so they survive restarts; the status change happens under a row lock, so a breach is announced
 * once even with several replicas. Whether the follow-up came in time is judged by the event's own time, not
 * by when this service read it: after an outage, a late acknowledgement or escalation still counts as a breach
 * of the deadline it missed, whichever of the check and the consumer gets there first.
 */
@ApplicationScoped
public class ResponseTimers {

    private final EntityManager entityManager;
    private final NotificationEvents events;
    private final DeliveryPlanner planner;
    private final Clock clock;

    public ResponseTimers(EntityManager entityManager, NotificationEvents events, DeliveryPlanner planner, Clock clock) {
        this.entityManager = entityManager;
        this.events = events;
        this.planner = planner;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!event.type().startsWith("concern.") || event.type().equals(NotificationRouting.CONCERN_RAISED)
                || event.type().equals("concern.response-overdue.v1")) {
            return;
        }
        JsonNode data = event.data();
        String concernId = data.path("concernId").asText(null);
        if (concernId == null) {
            return;
        }
        Instant now = clock.instant();
        ResponseTimer timer = entityManager.find(ResponseTimer.class, concernId, LockModeType.PESSIMISTIC_WRITE);
        if (timer != null && ResponseTimer.RUNNING.equals(timer.status) && event.time() != null
                && event.time().toInstant().isAfter(timer.dueAt)) {
            breach(timer, now);
        }
        String due = data.path("responseDueAt").asText(null);
        String owner = data.path("owner").asText(null);
        if (due != null && owner != null) {
            if (timer == null) {
                timer = new ResponseTimer();
                timer.subjectId = concernId;
                timer.subjectType = "concern";
            }
            timer.owner = owner;
            timer.step = data.path("step").asText(null);
            timer.dueAt = Instant.parse(due);
            timer.status = ResponseTimer.RUNNING;
            timer.breachedAt = null;
            timer.setByEvent = event.id();
            timer.updatedAt = now;
            entityManager.persist(timer);
        } else if (timer != null && ResponseTimer.RUNNING.equals(timer.status)) {
            // The follow-up arrived (acknowledged, closed ...) and set no new deadline.
            timer.status = ResponseTimer.MET;
            timer.updatedAt = now;
        }
    }

    @Scheduled(every = "${notification.timers.check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void announceBreaches() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<ResponseTimer> due = entityManager.createNativeQuery("""
                        select * from response_timer where status = 'RUNNING' and due_at < :now
                        order by due_at limit 200 for update skip locked""", ResponseTimer.class)
                .setParameter("now", now).getResultList();
        for (ResponseTimer timer : due) {
            breach(timer, now);
        }
    }

    /** Announced on the topic, and told to the owner's lead through every channel, in the caller's transaction. */
    private void breach(ResponseTimer timer, Instant now) {
        timer.status = ResponseTimer.BREACHED;
        timer.breachedAt = now;
        timer.updatedAt = now;
        planner.plan(events.responseTimeBreached(timer));
    }
}
