package exchange.safeguarding.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The webhook body: the event's CloudEvents envelope with the CloudEvents {@code sequence} extension and
 * only what any recipient may see: identifiers, organisation codes, vocabulary values, times, who must act,
 * and a link to fetch anything more with the recipient's own token. Names, free-text reasons and accounts of
 * what happened never travel in a webhook, whatever the event carries.
 */
@ApplicationScoped
public class WebhookMessages {

    /** The only fields copied from an event's data; everything else stays behind the link. */
    static final List<String> SHAREABLE = List.of("concernId", "organisation", "urgency", "status", "step", "owner",
            "responseDueAt", "raisedAt", "whistleblowing", "alertId", "rule", "localAuthority", "concernIds", "organisations",
            "detectedAt", "disclosureId", "requestId", "recipient", "purpose", "categories", "emergency", "madeAt",
            "withdrawalId", "withdrawnAt", "outcome", "taskId", "reviewTaskId", "dueAt", "agreementId", "reference",
            "version", "endedAt");

    private final ObjectMapper mapper;
    private final NotificationConfig config;

    public WebhookMessages(ObjectMapper mapper, NotificationConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    /** The first link a message carries, for channels (email) that point to it rather than carry it. */
    public String linkIn(String payload) {
        try {
            var links = mapper.readTree(payload).path("data").path("links");
            return links.isObject() && links.size() > 0 ? links.elements().next().asText() : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    public String forRecipient(CloudEvent event, NotificationRouting.Recipient recipient, long sequence) {
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
        JsonNode in = event.data();
        ObjectNode data = body.putObject("data");
        for (String field : SHAREABLE) {
            if (in.hasNonNull(field)) {
                data.set(field, in.get(field));
            }
        }
        if (in.path("terms").hasNonNull("reviewDate")) {
            data.set("reviewDate", in.path("terms").get("reviewDate"));
        }
        if (recipient.audience() != null) {
            data.put("audience", recipient.audience());
        }
        ObjectNode links = mapper.createObjectNode();
        var urls = config.links();
        if (in.hasNonNull("disclosureId")) {
            links.put("disclosure", urls.sharingService() + "/disclosures/" + in.path("disclosureId").asText());
        } else if (in.hasNonNull("taskId")) {
            links.put("informThePerson", urls.sharingService() + "/inform-the-person?status=OPEN");
        } else if (in.hasNonNull("reviewTaskId")) {
            links.put("reviewTasks", urls.sharingService() + "/review-tasks?status=OPEN");
        } else if (in.hasNonNull("requestId")) {
            links.put("sharingRequest", urls.sharingService() + "/sharing-requests/" + in.path("requestId").asText());
        } else if (in.hasNonNull("alertId")) {
            links.put("patternAlert", urls.concernService() + "/pattern-alerts/" + in.path("alertId").asText());
        } else if (in.hasNonNull("concernId")) {
            links.put("concern", urls.concernService() + "/concerns/" + in.path("concernId").asText());
        } else if (in.hasNonNull("agreementId")) {
            links.put("agreement", urls.agreementService() + "/agreements/" + in.path("agreementId").asText());
        }
        if (!links.isEmpty()) {
            data.set("links", links);
        }
        return body.toString();
    }
}
