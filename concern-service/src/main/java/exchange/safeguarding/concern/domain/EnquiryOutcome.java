package exchange.safeguarding.concern.domain;

/** Outcome of a safeguarding enquiry (Safeguarding Adults Collection). */
public enum EnquiryOutcome {
    RISK_IDENTIFIED_ACTION_TAKEN,
    RISK_IDENTIFIED_NO_ACTION_TAKEN,
    RISK_INCONCLUSIVE_ACTION_TAKEN,
    RISK_INCONCLUSIVE_NO_ACTION_TAKEN,
    NO_RISK_IDENTIFIED_ACTION_TAKEN,
    NO_RISK_IDENTIFIED_NO_ACTION_TAKEN,
    ENQUIRY_CEASED_AT_INDIVIDUALS_REQUEST_NO_ACTION_TAKEN
}
