package exchange.safeguarding.kit.idempotency;

/** A request's Idempotency-Key and a fingerprint of what it asked for; a repeat of both gets the first result. */
public record KeyedRequest(String key, String fingerprint) {
}
