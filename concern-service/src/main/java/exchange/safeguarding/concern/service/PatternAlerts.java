package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.PatternAlert;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.concern.repository.PatternAlertRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.OrganisationGuard;
import exchange.safeguarding.kit.outbox.Outbox;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** The local authority decides on each pattern alert, with reasons; the decision is recorded and announced. */
@ApplicationScoped
public class PatternAlerts {

    public static final String DECIDED = "pattern.decided.v1";

    public record Decided(UUID alertId, String rule, String localAuthority, String decision, String reason, Instant decidedAt) {
    }

    private final PatternAlertRepository alerts;
    private final OrganisationGuard guard;
    private final Outbox outbox;
    private final Clock clock;

    public PatternAlerts(PatternAlertRepository alerts, OrganisationGuard guard, Outbox outbox, Clock clock) {
        this.alerts = alerts;
        this.guard = guard;
        this.outbox = outbox;
        this.clock = clock;
    }

    public PatternAlert visible(Caller caller, UUID id) {
        return guard.visible(caller, alerts.findById(id), a -> a.localAuthority == null ? "" : a.localAuthority, "Pattern alert " + id);
    }

    @Transactional
    public PatternAlert decide(Caller caller, UUID id, String decision, String reason) {
        PatternAlert alert = visible(caller, id);
        if (alert.status == PatternAlert.Status.DECIDED) {
            throw ProblemException.conflict("The alert was already decided: " + alert.decision);
        }
        Instant now = clock.instant();
        alert.status = PatternAlert.Status.DECIDED;
        alert.decision = decision;
        alert.decisionReason = reason;
        alert.decidedBy = caller.name();
        alert.decidedAt = now;
        alert.updatedAt = now;
        outbox.append(ConcernEvents.TOPIC, DECIDED, alert.id.toString(),
                new Decided(alert.id, alert.rule.name(), alert.localAuthority, decision, reason, now));
        return alert;
    }
}
