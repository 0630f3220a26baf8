package exchange.safeguarding.notification.domain;

public enum DeliveryStatus {
    /** Waiting for its next attempt (or for the recipient's gateway to be configured or re-enabled). */
    PENDING,
    DELIVERED,
    /** Every scheduled attempt failed; kept for operators and replay. */
    DEAD
}
