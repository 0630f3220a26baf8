package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernStep;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.concern.repository.ConcernRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Escalates concerns whose response time has passed without the expected step: line manager, then
 * safeguarding lead, then the local authority. At the top of the ladder the overdue response is announced
 * once. Overdue concerns are found by an index on the due time and locked, so replicas never double up.
 */
@ApplicationScoped
public class ConcernDeadlines {

    private static final int BATCH = 100;

    private final ConcernRepository concerns;
    private final ConcernRouting routing;
    private final ConcernWorkflow workflow;
    private final ConcernEvents events;
    private final Clock clock;

    public ConcernDeadlines(ConcernRepository concerns, ConcernRouting routing, ConcernWorkflow workflow,
                            ConcernEvents events, Clock clock) {
        this.concerns = concerns;
        this.routing = routing;
        this.workflow = workflow;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(every = "${concern.deadline-check-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void escalateOverdue() {
        int handled;
        do {
            handled = QuarkusTransaction.requiringNew().call(this::escalateBatch);
        } while (handled == BATCH);
    }

    private int escalateBatch() {
        Instant now = clock.instant();
        List<Concern> overdue = concerns.overdue(now, BATCH);
        for (Concern concern : overdue) {
            String why = "no response from " + concern.currentStep.name().toLowerCase().replace('_', ' ')
                    + " at " + concern.ownerOrganisation + " by " + concern.responseDueAt;
            ConcernRouting.Route next = routing.escalation(concern, now);
            if (next != null) {
                workflow.escalate(concern, next, why, "platform (response time passed)", now);
            } else {
                concern.responseDueAt = null;
                ConcernStep.of(concern.id, "RESPONSE_OVERDUE", concern.currentStep, concern.ownerOrganisation,
                        "platform (response time passed)", now, why).persist();
                events.step(ConcernEvents.RESPONSE_OVERDUE, concern, concern.ownerOrganisation, why,
                        List.of(new ConcernRouting.Recipient(concern.ownerOrganisation, "la-safeguarding-officer")), now);
            }
        }
        return overdue.size();
    }
}
