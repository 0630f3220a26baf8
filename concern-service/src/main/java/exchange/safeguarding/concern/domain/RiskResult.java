package exchange.safeguarding.concern.domain;

public enum RiskResult {
    REMAINED, REDUCED, REMOVED
}
