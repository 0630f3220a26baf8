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

    public List<String> recipients(CloudEvent event) {
        JsonNode data = event.data();
        return switch (event.type()) {
            // The raising organisation's own gateway hears of every concern raised on its behalf, except
            // whistleblowing: that organisation must not learn of it through its own systems.
            case CONCERN_RAISED -> data.path("whistleblowing").asBoolean(false) ? List.of()
                    : List.of(data.path("organisation").asText());
            default -> List.of();
        };
    }
}
