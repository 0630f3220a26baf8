package exchange.safeguarding.agreement.domain;

import java.util.Map;

/**
 * One step of an organisation's escalation route: who is expected to respond, and how long each urgency
 * may wait (ISO-8601 durations, e.g. PT4H) before the concern escalates to the next step.
 */
public record EscalationStep(Step step, Map<Urgency, String> responseTimes) {

    public enum Step {
        LINE_MANAGER, SAFEGUARDING_LEAD, LOCAL_AUTHORITY
    }
}
