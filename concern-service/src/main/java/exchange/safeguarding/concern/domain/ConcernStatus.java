package exchange.safeguarding.concern.domain;

public enum ConcernStatus {
    RAISED
}
