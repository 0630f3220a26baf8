package exchange.safeguarding.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.kit.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Who must be told of an event. Each rule names recipient organisations; events no rule matches tell
 * no one. (The full rule set, by organisation set-up and event content, grows with the services.)
 */
@ApplicationScoped
public class NotificationRouting {

    public static final String CONCERN_RAISED = "concern.raised.v1";
    public static final String DISCLOSURE_MADE = "disclosure.made.v1";
    public static final String WITHDRAWAL_NOTICE = "consent.withdrawal-notice.v1";

    public List<String> recipients(CloudEvent event) {
        JsonNode data = event.data();
        return switch (event.type()) {
            // The raising organisation's own gateway hears of every concern raised on its behalf, except
            // whistleblowing: that organisation must not learn of it through its own systems.
            case CONCERN_RAISED -> data.path("whistleblowing").asBoolean(false) ? List.of()
                    : List.of(data.path("organisation").asText());
            // What was disclosed to an organisation, and a consent withdrawn under which it had received
            // information, go to that organisation alone.
            case DISCLOSURE_MADE, WITHDRAWAL_NOTICE -> List.of(data.path("recipient").asText());
            default -> List.of();
        };
    }
}
