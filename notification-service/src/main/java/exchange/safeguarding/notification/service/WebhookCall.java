package exchange.safeguarding.notification.service;

import java.time.Duration;
import java.util.Optional;

/** What one attempt to reach a gateway came to. */
public record WebhookCall(Integer statusCode, String error, Duration took, Optional<Duration> retryAfter) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410 Gone: the agency has retired this endpoint; stop sending until it is re-enabled. */
    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }

    public String describe() {
        return statusCode != null ? "HTTP " + statusCode : error;
    }
}
