package exchange.safeguarding.concern.domain;

/** Types of abuse and neglect (Care Act statutory guidance 14.17), plus sexual exploitation as the national collection counts it. */
public enum AbuseType {
    PHYSICAL,
    DOMESTIC_ABUSE,
    SEXUAL,
    PSYCHOLOGICAL,
    FINANCIAL_OR_MATERIAL,
    MODERN_SLAVERY,
    DISCRIMINATORY,
    ORGANISATIONAL,
    NEGLECT_AND_ACTS_OF_OMISSION,
    SELF_NEGLECT,
    SEXUAL_EXPLOITATION
}
