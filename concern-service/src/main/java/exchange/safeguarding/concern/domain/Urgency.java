package exchange.safeguarding.concern.domain;

/** How fast a concern must reach the right people. Emergencies skip the line manager. */
public enum Urgency {
    EMERGENCY, URGENT, ROUTINE, LOW_LEVEL
}
