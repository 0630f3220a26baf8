package exchange.safeguarding.concern.messaging;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.service.ConcernRouting;
import exchange.safeguarding.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events concern-service publishes on {@value #TOPIC}, keyed by concern id. They carry identifiers,
 * routing facts and decisions, never the adult's name or the raiser's identity: recipients fetch what
 * they are entitled to see.
 */
@ApplicationScoped
public class ConcernEvents {

    public static final String TOPIC = "safeguarding.concerns";
    public static final String RAISED = "concern.raised.v1";
    public static final String ROUTED = "concern.routed.v1";
    public static final String ACKNOWLEDGED = "concern.acknowledged.v1";
    public static final String ESCALATED = "concern.escalated.v1";
    public static final String TRIAGED = "concern.triaged.v1";
    public static final String REFERRED = "concern.referred.v1";
    public static final String ENQUIRY_STARTED = "concern.enquiry-started.v1";
    public static final String OUTCOME_RECORDED = "concern.outcome-recorded.v1";
    public static final String CLOSED = "concern.closed.v1";
    public static final String RESPONSE_OVERDUE = "concern.response-overdue.v1";
    public static final String PATTERN_DETECTED = "pattern.detected.v1";

    public record ConcernRaised(UUID concernId, String organisation, String urgency, List<String> abuseTypes,
                                String locationType, boolean whistleblowing, boolean emergencyServicesContacted,
                                UUID adultPersonId, UUID personAllegedToCauseHarmId, String localAuthority,
                                Instant raisedAt) {
    }

    /** Who must now be told, and who must answer by when. */
    public record ConcernRouted(UUID concernId, String organisation, String urgency, String step, String owner,
                                Instant responseDueAt, List<ConcernRouting.Recipient> recipients,
                                List<String> emergencyServices, boolean whistleblowing) {
    }

    /** A step in the workflow: what was done, at which step, by which organisation, why. */
    public record ConcernStepTaken(UUID concernId, String organisation, String status, String step, String owner,
                                   Instant responseDueAt, String actingOrganisation, String reason,
                                   List<ConcernRouting.Recipient> recipients, Instant at) {
    }

    public record PatternDetected(UUID alertId, String rule, String subject, String localAuthority,
                                  List<UUID> concernIds, List<String> organisations, Instant detectedAt) {
    }

    private final Outbox outbox;

    public ConcernEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void raised(Concern c) {
        outbox.append(TOPIC, RAISED, c.id.toString(), new ConcernRaised(c.id, c.organisation, c.urgency.name(),
                List.of(c.abuseTypes), c.locationType == null ? null : c.locationType.name(), c.whistleblowing,
                c.emergencyServicesContacted, c.adultPersonId, c.pahPersonId, c.localAuthority, c.raisedAt));
    }

    public void routed(Concern c, ConcernRouting.Route route) {
        outbox.append(TOPIC, ROUTED, c.id.toString(), new ConcernRouted(c.id, c.organisation, c.urgency.name(),
                route.step() == null ? null : route.step().name(), route.owner(), route.dueAt(), route.recipients(),
                route.emergencyServices(), c.whistleblowing));
    }

    public void step(String type, Concern c, String actingOrganisation, String reason,
                     List<ConcernRouting.Recipient> recipients, Instant at) {
        outbox.append(TOPIC, type, c.id.toString(), new ConcernStepTaken(c.id, c.organisation, c.status.name(),
                c.currentStep == null ? null : c.currentStep.name(), c.ownerOrganisation, c.responseDueAt,
                actingOrganisation, reason, recipients, at));
    }

    public void patternDetected(PatternDetected detected) {
        outbox.append(TOPIC, PATTERN_DETECTED, detected.alertId().toString(), detected);
    }
}
