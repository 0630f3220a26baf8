package exchange.safeguarding.sharing.domain;

/** What the adult decided about sharing, or why they were not asked. */
public enum ConsentDecision {
    GIVEN, REFUSED, WITHDRAWN, NOT_SOUGHT, LACKS_CAPACITY
}
