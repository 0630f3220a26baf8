package exchange.safeguarding.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** A gateway signing secret as announced: sealed, with the time after which it no longer signs. */
public record SigningSecret(UUID id, String sealed, Instant notAfter) {

    public boolean validAt(Instant at) {
        return notAfter == null || notAfter.isAfter(at);
    }
}
