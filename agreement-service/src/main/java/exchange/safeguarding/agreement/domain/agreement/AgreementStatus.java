package exchange.safeguarding.agreement.domain.agreement;

/** The life of one agreement version. Only ACTIVE covers sharing. */
public enum AgreementStatus {
    /** Being written; terms may change until someone signs. */
    DRAFT,
    /** Signed by some parties; terms frozen. */
    AWAITING_SIGNATURES,
    /** Signed by every party, waiting for its effective date or for every party to be active. */
    SIGNED,
    ACTIVE,
    SUSPENDED,
    /** Replaced by a newer version that became active. */
    SUPERSEDED,
    TERMINATED,
    /** Past its review date plus the grace period without a review. */
    LAPSED,
    /** Past its effective-to date. */
    EXPIRED;

    public boolean ended() {
        return this == SUPERSEDED || this == TERMINATED || this == LAPSED || this == EXPIRED;
    }
}
