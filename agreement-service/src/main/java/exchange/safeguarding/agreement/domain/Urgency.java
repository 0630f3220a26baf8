package exchange.safeguarding.agreement.domain;

/** How urgent a concern is; escalation routes set a response time for each. */
public enum Urgency {
    EMERGENCY, URGENT, ROUTINE, LOW_LEVEL
}
