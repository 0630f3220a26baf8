package exchange.safeguarding.sharing.domain;

/** Grounds for sharing without the adult's consent (information sharing rules of practice). */
public enum Ground {
    /** Emergency or threat to life. */
    VITAL_INTERESTS,
    /** Risk to other adults or to children. */
    RISK_TO_OTHERS,
    /** Preventing or detecting serious crime: the public interest outweighs confidentiality. */
    SERIOUS_CRIME_PUBLIC_INTEREST,
    /** The adult lacks capacity for this decision; a best-interests decision was made. */
    LACKS_CAPACITY,
    DURESS_OR_COERCION,
    /** Staff of an organisation are implicated. */
    STAFF_IMPLICATED,
    /** A legal duty such as a section 42 enquiry, a section 45 request or a court order. */
    LEGAL_DUTY,
    /**
     * A safeguarding referral to the local authority, which it needs for its Care Act 2014 section 42 duties: UK GDPR
     * 6(1)(e), 9(2)(g) with DPA 2018 Schedule 1 paragraph 18. Needs no consent.
     */
    SAFEGUARDING_DUTY
}
