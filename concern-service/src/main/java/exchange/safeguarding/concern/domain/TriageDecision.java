package exchange.safeguarding.concern.domain;

/** What the owner of a concern decides after assessing it. */
public enum TriageDecision {
    /** Refer to the local authority (not available to the local authority itself). */
    REFER_TO_LOCAL_AUTHORITY,
    /** Local authority only: make a section 42 enquiry (all three tests met) or another safeguarding enquiry. */
    START_ENQUIRY,
    /** Close without referral or enquiry: needs reasons; the raiser and the local authority are told. */
    NO_FURTHER_ACTION
}
