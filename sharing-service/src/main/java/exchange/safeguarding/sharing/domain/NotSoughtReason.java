package exchange.safeguarding.sharing.domain;

/** Why the adult's consent was not sought. */
public enum NotSoughtReason {
    EMERGENCY, WOULD_INCREASE_RISK, NOT_PRACTICABLE
}
