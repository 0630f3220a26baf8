package exchange.safeguarding.concern.domain;

/** Did the adult lack capacity to make decisions about the concern (Safeguarding Adults Collection)? */
public enum CapacityAnswer {
    YES, NO, DONT_KNOW, NOT_RECORDED
}
