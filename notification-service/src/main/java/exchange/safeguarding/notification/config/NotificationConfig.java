package exchange.safeguarding.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    Webhook webhook();

    Links links();

    interface Webhook {
        /** A delivery succeeds only on a 2xx within this time. */
        @WithDefault("15S")
        Duration timeout();

        /** Delays between attempts; the number of delays is the number of retries. */
        List<Duration> retrySchedule();

        /** How long a dispatcher holds a delivery it is sending; after a crash another picks it up. */
        @WithDefault("60S")
        Duration lease();

        /** The dispatcher wakes on new deliveries; this poll is the safety net and the retry clock. */
        @WithDefault("1S")
        Duration pollInterval();

        /** Longest Retry-After honoured. */
        @WithDefault("PT6H")
        Duration maxRetryAfter();
    }

    interface Links {
        /** Base URL recipients use to fetch concern details they are entitled to. */
        String concernService();

        /** Base URL recipients use to read disclosures made to them and consent records. */
        String sharingService();

        /** Base URL parties use to read their agreements. */
        String agreementService();
    }
}
