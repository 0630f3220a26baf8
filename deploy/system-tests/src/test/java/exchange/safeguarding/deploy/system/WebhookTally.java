package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.kit.testing.GatewayReceiver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The webhooks the agencies' gateways received about a set of concerns, counted: each message (webhook-id) with every
 * time it arrived, whether any arrival was accepted, whether its repeats carried the same body, and which messages
 * told an organisation of one event type about one concern. A repeat is fine only as the same webhook-id with the
 * same body; a second webhook-id for the same organisation, concern and type would be a second message.
 */
final class WebhookTally {

    /** A webhook as a gateway got it, and whether the gateway accepted it (answered 2xx). */
    record Arrival(String organisation, GatewayReceiver.Received request, boolean accepted) {
    }

    /** What an organisation is told: one type of event about one concern. */
    record Told(String organisation, String concernId, String type) {
    }

    private final Map<String, List<Arrival>> byWebhookId = new HashMap<>();
    private final Map<Told, Set<String>> webhookIds = new HashMap<>();
    private final Set<String> acceptedIds = new HashSet<>();
    private int arrivals;

    /** Counts the arrivals about these concerns; the rest (other tests' webhooks) are left out. */
    WebhookTally(List<Arrival> everything, Set<String> concernIds) {
        for (Arrival arrival : everything) {
            JsonNode body = Partnership.json(arrival.request().body());
            String concernId = body.path("data").path("concernId").asText(body.path("subject").asText());
            if (!concernIds.contains(concernId)) {
                continue;
            }
            String webhookId = arrival.request().header("webhook-id");
            arrivals++;
            byWebhookId.computeIfAbsent(webhookId, id -> new ArrayList<>()).add(arrival);
            webhookIds.computeIfAbsent(new Told(arrival.organisation(), concernId, body.path("type").asText()),
                    t -> new LinkedHashSet<>()).add(webhookId);
            if (arrival.accepted()) {
                acceptedIds.add(webhookId);
            }
        }
    }

    /** Requests that arrived (first attempts, retries and redeliveries). */
    int arrivals() {
        return arrivals;
    }

    /** Different messages (webhook-ids) among them. */
    int messages() {
        return byWebhookId.size();
    }

    /** Messages that arrived more than once. */
    int repeatedMessages() {
        return (int) byWebhookId.values().stream().filter(a -> a.size() > 1).count();
    }

    /** Messages whose repeats did not all carry the same body: a repeat must be the same message. */
    List<String> repeatsWithAnotherBody() {
        return byWebhookId.entrySet().stream()
                .filter(e -> e.getValue().stream().map(a -> a.request().body()).distinct().count() > 1)
                .map(Map.Entry::getKey).toList();
    }

    /** The messages that told this organisation of this type of event about this concern. */
    Set<String> messages(Told told) {
        return webhookIds.getOrDefault(told, Set.of());
    }

    /** Whether one of those messages was accepted by the gateway (it is delivered). */
    boolean delivered(Told told) {
        return messages(told).stream().anyMatch(acceptedIds::contains);
    }

    /** Every (organisation, concern, type) told by more than one message. */
    List<Told> toldMoreThanOnce() {
        return webhookIds.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }
}
