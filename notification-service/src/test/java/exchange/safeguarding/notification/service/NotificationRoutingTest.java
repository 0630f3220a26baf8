package exchange.safeguarding.notification.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import exchange.safeguarding.kit.crypto.SecretSealer;
import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing for every family of event type: who is told, and that only identifiers, codes and links travel.
 * (sla.breached, which this service raises itself, is covered by ResponseTimerTest and ResponseTimerRestartIT.)
 */
@QuarkusTest
class NotificationRoutingTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SecretSealer sealer;

    final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    final String care = "CARE-" + suffix;
    final String council = "ASC-" + suffix;
    final String police = "POLICE-" + suffix;
    final Map<String, GatewayReceiver> gateways = new LinkedHashMap<>();

    @BeforeEach
    void gateways() {
        for (String org : List.of(care, council, police)) {
            GatewayReceiver gateway = new GatewayReceiver();
            gateways.put(org, gateway);
            publish("safeguarding.agreements", org, "organisation.gateway-configured.v1", Map.of("organisation", org,
                    "url", gateway.url("/hooks"), "secrets", List.of(Map.of("id", UUID.randomUUID().toString(),
                            "sealed", sealer.seal("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))))));
        }
    }

    @AfterEach
    void close() {
        gateways.values().forEach(GatewayReceiver::close);
    }

    @Test
    void eachEventTypeReachesExactlyTheOrganisationsItNames() throws Exception {
        String concernId = UUID.randomUUID().toString();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expect(expected, publish("safeguarding.concerns", concernId, "concern.routed.v1", Map.of("concernId", concernId,
                "organisation", care, "urgency", "EMERGENCY", "step", "LOCAL_AUTHORITY", "owner", council,
                "recipients", List.of(recipient(care, "safeguarding-lead"), recipient(council, "la-safeguarding-officer"),
                        recipient(police, "emergency")))), care, council, police);
        expect(expected, publish("safeguarding.concerns", concernId, "concern.escalated.v1", Map.of("concernId", concernId,
                "organisation", care, "status", "AWAITING_ACKNOWLEDGEMENT", "step", "LOCAL_AUTHORITY", "owner", council,
                "reason", "Manager Jane Doe did not respond", "recipients", List.of(recipient(council, "la-safeguarding-officer")))),
                council);
        expect(expected, publish("safeguarding.concerns", UUID.randomUUID().toString(), "pattern.detected.v1", Map.of(
                "alertId", UUID.randomUUID().toString(), "rule", "SAME_ADULT", "localAuthority", council,
                "concernIds", List.of(concernId), "organisations", List.of(care, police))), council);
        expect(expected, publish("safeguarding.sharing", UUID.randomUUID().toString(), "sharing.pending-approval.v1", Map.of(
                "requestId", UUID.randomUUID().toString(), "organisation", care, "recipient", police,
                "outcome", "PENDING_APPROVAL", "purpose", "COORDINATE_RESPONSES")), care);
        expect(expected, publish("safeguarding.sharing", UUID.randomUUID().toString(), "inform-the-person.overdue.v1", Map.of(
                "taskId", UUID.randomUUID().toString(), "requestId", UUID.randomUUID().toString(), "organisation", police,
                "status", "OPEN")), police);
        expect(expected, publish("safeguarding.sharing", UUID.randomUUID().toString(), "disclosure.made.v1", Map.of(
                "disclosureId", UUID.randomUUID().toString(), "organisation", care, "recipient", council,
                "purpose", "COORDINATE_RESPONSES", "categories", List.of("IDENTITY"))), council);
        String agreementId = UUID.randomUUID().toString();
        expect(expected, publish("safeguarding.agreements", agreementId, "agreement.review-due.v1", Map.of(
                "agreementId", agreementId, "reference", "ISA-" + suffix, "version", 2, "status", "ACTIVE",
                "terms", Map.of("title", "Secret title", "reviewDate", "2027-01-31",
                        "parties", List.of(Map.of("organisation", care), Map.of("organisation", police))))), care, police);
        String raised = UUID.randomUUID().toString();
        expect(expected, publish("safeguarding.concerns", raised, "concern.raised.v1", Map.of("concernId", raised,
                "organisation", police, "urgency", "ROUTINE")), police);
        expect(expected, publish("safeguarding.sharing", UUID.randomUUID().toString(), "consent.withdrawal-notice.v1", Map.of(
                "noticeId", UUID.randomUUID().toString(), "withdrawalId", UUID.randomUUID().toString(),
                "disclosureId", UUID.randomUUID().toString(), "organisation", care, "recipient", police,
                "withdrawnAt", "2026-11-20T10:00:00Z")), police);
        expect(expected, publish("safeguarding.agreements", agreementId, "agreement.suspended.v1", Map.of(
                "agreementId", agreementId, "reference", "ISA-" + suffix, "version", 2, "status", "SUSPENDED",
                "terms", Map.of("parties", List.of(Map.of("organisation", council), Map.of("organisation", police))))),
                council, police);
        // Not for anyone: an internal detail.
        String untold = publish("safeguarding.sharing", UUID.randomUUID().toString(), "consent.recorded.v1",
                Map.of("consentRecordId", UUID.randomUUID().toString(), "organisation", care, "decision", "GIVEN"));

        for (var entry : expected.entrySet()) {
            String eventId = entry.getKey();
            for (String org : entry.getValue()) {
                var received = gateways.get(org).await(r -> r.body().contains(eventId), 1, Duration.ofSeconds(30));
                assertThat(received).as(org + " told of " + eventId).hasSize(1);
                var body = JSON.readTree(received.get(0).body());
                assertThat(body.path("data").path("links").isObject()).as("a link to fetch more").isTrue();
                assertThat(received.get(0).body()).doesNotContain("Jane Doe").doesNotContain("Secret title");
            }
        }
        for (var entry : expected.entrySet()) {
            for (String org : gateways.keySet()) {
                long got = gateways.get(org).received().stream().filter(r -> r.body().contains(entry.getKey())).count();
                assertThat(got).as(org + " for " + entry.getKey()).isEqualTo(entry.getValue().contains(org) ? 1 : 0);
            }
        }
        gateways.values().forEach(g -> assertThat(g.received()).noneMatch(r -> r.body().contains(untold)));
        var escalation = gateways.get(council).received().stream().filter(r -> r.body().contains("concern.escalated.v1"))
                .findFirst().orElseThrow();
        assertThat(JSON.readTree(escalation.body()).path("data").path("audience").asText()).isEqualTo("la-safeguarding-officer");
    }

    static Map<String, String> recipient(String organisation, String audience) {
        return Map.of("organisation", organisation, "audience", audience);
    }

    static void expect(Map<String, List<String>> expected, String eventId, String... organisations) {
        expected.put(eventId, List.of(organisations));
    }

    static String publish(String topic, String key, String type, Object data) {
        return EventProbe.publishEvent(topic, key, type, data);
    }
}
