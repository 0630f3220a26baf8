package exchange.safeguarding.kit.idempotency;

import exchange.safeguarding.kit.problem.ProblemException;

/**
 * The {@code Idempotency-Key} request header (IETF draft "The Idempotency-Key HTTP Header Field"): chosen by the
 * caller, sent unchanged with every retry of one request, so the resource is created once however many times the
 * request arrives. Keys belong to the caller's organisation and to one operation.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** Answer header on a repeat: the resource was created by an earlier request with the same key. */
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final String PATTERN = "^[\\x21-\\x7E]{1,255}$";
    /** For the OpenAPI documents. */
    public static final String DESCRIPTION = "Chosen by the gateway, unique per request (a UUID is best) and sent again "
            + "unchanged with every retry of the same request: it then takes effect once however many times it arrives. "
            + "Remembered per organisation and operation.";
    public static final String EXAMPLE = "7d0f3c52-1c9e-4a57-9f0b-8f1e2b6c4d21";
    public static final String REPLAYED_DESCRIPTION = "`true` when an earlier request with the same Idempotency-Key made it";
    public static final String REUSED = "The Idempotency-Key was already used by the organisation for a different request";

    private IdempotencyKey() {
    }

    /** The key as sent (null when none was), or a 400 problem naming the header. */
    public static String validated(String key) {
        if (key != null && !key.matches(PATTERN)) {
            throw ProblemException.invalid(HEADER, "must be 1-255 visible ASCII characters, such as a UUID");
        }
        return key;
    }
}
