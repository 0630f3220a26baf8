package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.kit.testing.GatewayReceiver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * What an agency's gateway received, checked as the agency would check it. The fixture's receivers are shared
 * by every test in the JVM, so a webhook is always picked out by its type and the id of something the test
 * itself created, and every one picked out must verify with the organisation's signing secret.
 */
final class SignedWebhooks {

    private SignedWebhooks() {
    }

    /** Waits for the webhook of this type about this id at the organisation's gateway: one message, signed. */
    static GatewayReceiver.Received awaitOne(String organisation, String type, String id, Duration within) {
        List<GatewayReceiver.Received> received = Partnership.gatewayOf(organisation).await(Partnership.webhook(type, id), 1, within);
        assertFalse(received.isEmpty(), organisation + "'s gateway received no " + type + " about " + id + " within " + within);
        assertEquals(1, received.stream().map(r -> r.header("webhook-id")).distinct().count(),
                organisation + "'s gateway received one " + type + " about " + id + " (a retry keeps its webhook-id)");
        received.forEach(webhook -> Partnership.verified(organisation, webhook));
        return received.get(0);
    }

    /** Every webhook of this type about this id the organisation's gateway has received so far, each verified. */
    static List<GatewayReceiver.Received> received(String organisation, String type, String id) {
        List<GatewayReceiver.Received> received = Partnership.gatewayOf(organisation).received().stream()
                .filter(Partnership.webhook(type, id)).toList();
        received.forEach(webhook -> Partnership.verified(organisation, webhook));
        return received;
    }

    static JsonNode data(GatewayReceiver.Received webhook) {
        return Partnership.json(webhook.body()).path("data");
    }

    /** From an action the test took to the moment the gateway had the webhook. */
    static long millisSince(Instant action, GatewayReceiver.Received webhook) {
        return Duration.between(action, webhook.at()).toMillis();
    }
}
