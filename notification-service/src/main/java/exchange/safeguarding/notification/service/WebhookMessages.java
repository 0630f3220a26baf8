package exchange.safeguarding.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The webhook body: the event's CloudEvents envelope with the CloudEvents {@code sequence} extension and
 * only what the recipient may see: identifiers, routing facts and a link to fetch anything more.
 */
@ApplicationScoped
public class WebhookMessages {

    private final ObjectMapper mapper;
    private final NotificationConfig config;

    public WebhookMessages(ObjectMapper mapper, NotificationConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    public String forRecipient(CloudEvent event, long sequence) {
        ObjectNode body = mapper.createObjectNode();
        body.put("specversion", CloudEvent.SPEC_VERSION);
        body.put("id", event.id());
        body.put("source", event.source());
        body.put("type", event.type());
        body.put("time", event.time() == null ? null : event.time().toString());
        body.put("subject", event.subject());
        body.put("datacontenttype", "application/json");
        // CloudEvents sequence extension: a string that orders lexicographically, hence the padding.
        body.put("sequence", String.format("%010d", sequence));
        ObjectNode data = body.putObject("data");
        var in = event.data();
        if (NotificationRouting.DISCLOSURE_MADE.equals(event.type())) {
            // Which disclosure, from whom, why and what kinds of data; the data itself is fetched with the link.
            String disclosureId = in.path("disclosureId").asText();
            data.put("disclosureId", disclosureId);
            data.put("from", in.path("organisation").asText());
            data.set("concernId", in.path("concernId"));
            data.put("purpose", in.path("purpose").asText());
            data.set("categories", in.path("categories"));
            data.put("emergency", in.path("emergency").asBoolean());
            data.put("madeAt", in.path("madeAt").asText());
            data.putObject("links").put("disclosure", config.links().sharingService() + "/disclosures/" + disclosureId);
        } else if (NotificationRouting.WITHDRAWAL_NOTICE.equals(event.type())) {
            String disclosureId = in.path("disclosureId").asText();
            data.put("from", in.path("organisation").asText());
            data.put("withdrawalId", in.path("withdrawalId").asText());
            data.put("disclosureId", disclosureId);
            data.put("withdrawnAt", in.path("withdrawnAt").asText());
            data.putObject("links").put("disclosure", config.links().sharingService() + "/disclosures/" + disclosureId);
        } else if (NotificationRouting.CONCERN_RAISED.equals(event.type())) {
            String concernId = event.data().path("concernId").asText();
            data.put("concernId", concernId);
            data.put("organisation", event.data().path("organisation").asText());
            data.put("urgency", event.data().path("urgency").asText());
            data.put("raisedAt", event.data().path("raisedAt").asText());
            data.putObject("links").put("concern", config.links().concernService() + "/concerns/" + concernId);
        }
        return body.toString();
    }
}
