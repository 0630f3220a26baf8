package exchange.safeguarding.concern.domain;

/** Where a concern stands in its workflow. */
public enum ConcernStatus {
    /** A low-level concern: recorded and counted for patterns, not routed for triage. */
    RECORDED,
    /** Routed to the current step's owner, who has not yet acknowledged it. */
    AWAITING_ACKNOWLEDGEMENT,
    /** Acknowledged; the owner is assessing it. */
    IN_TRIAGE,
    /** Referred to the local authority, awaiting its acknowledgement. */
    REFERRED,
    /** The local authority is making a section 42 or other safeguarding enquiry. */
    UNDER_ENQUIRY,
    OUTCOME_RECORDED,
    CLOSED;

    /** States in which the current step owes a response by a deadline. */
    public boolean awaitsResponse() {
        return this == AWAITING_ACKNOWLEDGEMENT || this == IN_TRIAGE || this == REFERRED;
    }
}
