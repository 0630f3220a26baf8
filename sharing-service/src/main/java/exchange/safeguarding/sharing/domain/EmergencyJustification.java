package exchange.safeguarding.sharing.domain;

/**
 * Why sharing could not wait: the threat to life or of serious harm, and why neither consent nor an approver could be
 * waited for. Required for every emergency request; stored with the decision and in the decision log.
 */
public record EmergencyJustification(String threat, String whyItCouldNotWait) {
}
