package exchange.safeguarding.sharing.domain;

public enum Outcome {
    APPROVED, REFUSED, PENDING_APPROVAL
}
