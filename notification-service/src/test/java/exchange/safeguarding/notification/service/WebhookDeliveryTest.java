package exchange.safeguarding.notification.service;

import com.standardwebhooks.Webhook;
import exchange.safeguarding.kit.crypto.SecretSealer;
import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import exchange.safeguarding.kit.testing.GatewayReceiver.Answer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events in from the real broker, signed webhooks out to a real HTTP gateway, every attempt recorded. */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    SecretSealer sealer;

    GatewayReceiver gateway;
    String organisation;
    String secret;

    @BeforeEach
    void gatewayIsConfigured() {
        gateway = new GatewayReceiver();
        organisation = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        secret = newSecret();
        announceGateway(organisation, gateway.url("/hooks"), secret);
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void aRaisedConcernReachesTheRaisingOrganisationsGatewaySignedAndRecorded() throws Exception {
        String concernId = UUID.randomUUID().toString();
        String eventId = raiseConcern(concernId);

        var received = gateway.await(r -> r.body().contains(concernId), 1, Duration.ofSeconds(20));
        assertEquals(1, received.size(), "the gateway received the concern");
        var webhook = received.get(0);
        // An independent Standard Webhooks implementation accepts the signature.
        assertDoesNotThrow(() -> new Webhook(secret).verify(webhook.body(), webhook.headers()));
        var body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(webhook.body());
        assertEquals(eventId, body.path("id").asText(), "the webhook names the event it tells of");
        assertEquals("0000000001", body.path("sequence").asText());
        assertTrue(webhook.header("content-type").startsWith("application/cloudevents+json"));
        assertTrue(webhook.body().contains("/concerns/" + concernId), "carries a link, not the concern's details");

        String deliveryId = webhook.header("webhook-id");
        String lead = bearer(token("lee", organisation, "safeguarding-lead"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("Authorization", lead).get("/deliveries/" + deliveryId)
                        .then().statusCode(200).body("status", equalTo("DELIVERED"))
                        .body("attemptHistory", hasSize(1)).body("attemptHistory[0].statusCode", equalTo(200)));
        given().header("Authorization", bearer(token("olly", "SOMEONE-ELSE", "safeguarding-lead")))
                .get("/deliveries/" + deliveryId).then().statusCode(404);
    }

    @Test
    void aWhistleblowingConcernIsNotAnnouncedToTheOrganisationItIsAbout() {
        String hidden = UUID.randomUUID().toString();
        EventProbe.publish("safeguarding.concerns", hidden, concernRaised(UUID.randomUUID().toString(), hidden, organisation)
                .replace("\"urgency\":\"ROUTINE\"", "\"urgency\":\"ROUTINE\",\"whistleblowing\":true"));
        String visible = UUID.randomUUID().toString();
        raiseConcern(visible);
        assertEquals(1, gateway.await(r -> r.body().contains(visible), 1, Duration.ofSeconds(20)).size());
        assertEquals(0, gateway.received().stream().filter(r -> r.body().contains(hidden)).count());
    }

    @Test
    void aWhistleblowingConcernsRoutingReachesItsOwnOrganisationsLeadInPersonNeverItsGateway() {
        String council = "LA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        GatewayReceiver councilGateway = new GatewayReceiver();
        try {
            announceGateway(council, councilGateway.url("/hooks"), newSecret());
            String concernId = UUID.randomUUID().toString();
            String eventId = UUID.randomUUID().toString();
            EventProbe.publish("safeguarding.concerns", concernId, """
                    {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/concern-service",
                     "type":"concern.routed.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                     "data":{"concernId":"%s","organisation":"%s","urgency":"URGENT","step":"LOCAL_AUTHORITY","owner":"%s",
                             "whistleblowing":true,
                             "recipients":[{"organisation":"%s","audience":"la-safeguarding-officer"},
                                           {"organisation":"%s","audience":"safeguarding-lead"}]}}"""
                    .formatted(eventId, Instant.now(), concernId, concernId, organisation, council, council, organisation));

            // The council's gateway is told; the organisation's lead finds it in the inbox.
            assertEquals(1, councilGateway.await(r -> r.body().contains(concernId), 1, Duration.ofSeconds(20)).size());
            String lead = bearer(token("lee", organisation, "safeguarding-lead"));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", lead).get("/inbox")
                    .then().statusCode(200).body("findAll { it.eventId == '" + eventId + "' }", hasSize(1)));

            // Its own gateway: no delivery planned, nothing received, nothing in its view of the inbox.
            String ownGateway = bearer(token("service-account-gateway", organisation, "gateway"));
            given().header("Authorization", ownGateway).queryParam("size", 200).get("/deliveries").then().statusCode(200)
                    .body("findAll { it.subject == '" + concernId + "' }", hasSize(0));
            assertEquals(0, gateway.received().stream().filter(r -> r.body().contains(concernId)).count());
            for (String role : List.of("gateway", "line-manager", "practitioner")) {
                given().header("Authorization", bearer(token("someone", organisation, role))).get("/inbox").then()
                        .statusCode(200).body("findAll { it.eventId == '" + eventId + "' }", hasSize(0));
            }
        } finally {
            councilGateway.close();
        }
    }

    @Test
    void aRedeliveredEventProducesOneWebhook() {
        String concernId = UUID.randomUUID().toString();
        String event = concernRaised(UUID.randomUUID().toString(), concernId, organisation);
        EventProbe.publish("safeguarding.concerns", concernId, event);
        EventProbe.publish("safeguarding.concerns", concernId, event);
        gateway.await(r -> r.body().contains(concernId), 1, Duration.ofSeconds(20));
        // Give a duplicate every chance to arrive before counting.
        raiseConcern(UUID.randomUUID().toString());
        gateway.await(r -> true, 2, Duration.ofSeconds(20));
        assertEquals(1, gateway.received().stream().filter(r -> r.body().contains(concernId)).count());
    }

    @Test
    void aFailingGatewayIsRetriedWithTheSameWebhookIdAndRetryAfterIsHonoured() {
        gateway.answer(Answer.of(500), new Answer(503, "2"));
        String concernId = UUID.randomUUID().toString();
        raiseConcern(concernId);
        List<GatewayReceiver.Received> tries = gateway.await(r -> r.body().contains(concernId), 3, Duration.ofSeconds(30));
        assertEquals(3, tries.size(), "two failures, then success");
        assertEquals(1, tries.stream().map(r -> r.header("webhook-id")).distinct().count(), "same webhook-id on every try");
        Duration afterRetryAfter = Duration.between(tries.get(1).at(), tries.get(2).at());
        assertTrue(afterRetryAfter.compareTo(Duration.ofMillis(1900)) >= 0, "waited for Retry-After: " + afterRetryAfter);
    }

    @Test
    void aSlowGatewayDoesNotHoldUpAnotherAgencysMessages() {
        GatewayReceiver other = new GatewayReceiver();
        try {
            String otherOrg = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            announceGateway(otherOrg, other.url("/hooks"), newSecret());
            gateway.answer(Answer.slow(Duration.ofMillis(2800)));
            String slow = UUID.randomUUID().toString();
            raiseConcern(slow);
            // The slow gateway has the message and is taking its time.
            gateway.await(r -> r.body().contains(slow), 1, Duration.ofSeconds(20));
            long published = System.nanoTime();
            String urgent = UUID.randomUUID().toString();
            EventProbe.publish("safeguarding.concerns", urgent, concernRaised(UUID.randomUUID().toString(), urgent, otherOrg));
            assertEquals(1, other.await(r -> r.body().contains(urgent), 1, Duration.ofSeconds(20)).size());
            Duration took = Duration.ofNanos(System.nanoTime() - published);
            assertTrue(took.compareTo(Duration.ofMillis(2000)) < 0, "not held up by the slow gateway: " + took);
        } finally {
            other.close();
        }
    }

    @Test
    void afterTheLastAttemptTheDeliveryIsDead() {
        gateway.answer(Answer.of(500), Answer.of(500), Answer.of(500));
        String concernId = UUID.randomUUID().toString();
        raiseConcern(concernId);
        var tries = gateway.await(r -> r.body().contains(concernId), 3, Duration.ofSeconds(30));
        String deliveryId = tries.get(0).header("webhook-id");
        String lead = bearer(token("lee", organisation, "safeguarding-lead"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("Authorization", lead).get("/deliveries/" + deliveryId)
                        .then().statusCode(200).body("status", equalTo("DEAD")).body("attempts", equalTo(3)));
    }

    @Test
    void aDeadDeliveryIsReplayedWithItsWebhookIdAndAllSinceATimeCanBeReplayed() {
        gateway.answer(Answer.of(500), Answer.of(500), Answer.of(500));
        Instant before = Instant.now().minusSeconds(1);
        String concernId = UUID.randomUUID().toString();
        raiseConcern(concernId);
        String deliveryId = gateway.await(r -> r.body().contains(concernId), 3, Duration.ofSeconds(30)).get(0).header("webhook-id");
        String lead = bearer(token("lee", organisation, "safeguarding-lead"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", lead)
                .get("/deliveries/" + deliveryId).then().body("status", equalTo("DEAD")));

        given().header("Authorization", lead).post("/deliveries/" + deliveryId + "/replay").then().statusCode(200)
                .body("status", equalTo("PENDING"));
        var fourth = gateway.await(r -> r.body().contains(concernId), 4, Duration.ofSeconds(20));
        assertEquals(deliveryId, fourth.get(3).header("webhook-id"), "a replay keeps the webhook-id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", lead)
                .get("/deliveries/" + deliveryId).then().body("status", equalTo("DELIVERED")).body("attempts", equalTo(4)));

        // Everything since a time, e.g. after the agency restored its systems from a backup.
        given().header("Authorization", lead).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"since\": \"" + before + "\"}").post("/deliveries/replay").then().statusCode(200)
                .body("replayed", equalTo(1)).body("deliveryIds[0]", equalTo(deliveryId));
        assertEquals(5, gateway.await(r -> r.body().contains(concernId), 5, Duration.ofSeconds(20)).size());
        // Another organisation cannot replay it.
        given().header("Authorization", bearer(token("olly", "SOMEONE-ELSE", "safeguarding-lead")))
                .post("/deliveries/" + deliveryId + "/replay").then().statusCode(404);
    }

    @Test
    void goneDisablesTheEndpointUntilTheAgencyReEnablesIt() {
        gateway.answer(Answer.of(410));
        String first = UUID.randomUUID().toString();
        raiseConcern(first);
        gateway.await(r -> r.body().contains(first), 1, Duration.ofSeconds(20));
        String lead = bearer(token("lee", organisation, "safeguarding-lead"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().header("Authorization", lead)
                .get("/gateway-endpoint").then().statusCode(200).body("enabled", equalTo(false))
                .body("disabledReason", equalTo("gateway answered 410 Gone")));
        given().header("Authorization", lead).post("/gateway-endpoint/re-enable").then().statusCode(200)
                .body("enabled", equalTo(true));
        assertEquals(2, gateway.await(r -> r.body().contains(first), 2, Duration.ofSeconds(20)).size());
        given().header("Authorization", bearer(token("olly", "SOMEONE-ELSE", "safeguarding-lead")))
                .get("/gateway-endpoint").then().statusCode(404);
    }

    @Test
    void goneDisablesTheEndpointUntilItIsConfiguredAgain() {
        gateway.answer(Answer.of(410));
        String first = UUID.randomUUID().toString();
        raiseConcern(first);
        gateway.await(r -> r.body().contains(first), 1, Duration.ofSeconds(20));
        String second = UUID.randomUUID().toString();
        raiseConcern(second);
        // Nothing is sent while the endpoint is disabled...
        assertEquals(0, gateway.await(r -> r.body().contains(second), 1, Duration.ofSeconds(3)).size());
        // ...and nothing is lost: both arrive once the agency configures its gateway again.
        announceGateway(organisation, gateway.url("/hooks"), secret);
        assertEquals(1, gateway.await(r -> r.body().contains(second), 1, Duration.ofSeconds(20)).size());
        assertEquals(2, gateway.await(r -> r.body().contains(first), 2, Duration.ofSeconds(20)).size());
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheNextEventStillFlows() {
        EventProbe.publishRaw("safeguarding.concerns", "poison", "this is not a CloudEvent");
        EventProbe.publish("safeguarding.concerns", "poison", "{\"specversion\": \"1.0\"}");
        String concernId = UUID.randomUUID().toString();
        raiseConcern(concernId);
        assertEquals(1, gateway.await(r -> r.body().contains(concernId), 1, Duration.ofSeconds(20)).size());
        // The DLQ keeps the raw message for operators; EventProbe skips what is not JSON, so look for the key.
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(java.util.Map.of(
                "bootstrap.servers", exchange.safeguarding.kit.testing.InProcessKafkaResource.bootstrapServers(),
                "group.id", "dlq-check-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class,
                "value.deserializer", org.apache.kafka.common.serialization.StringDeserializer.class))) {
            consumer.subscribe(List.of("safeguarding.dlq.notification-service"));
            boolean found = false;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!found && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    found |= "this is not a CloudEvent".equals(record.value());
                }
            }
            assertTrue(found, "the poison message is on the dead-letter topic");
        }
    }

    @Test
    void aDisclosureReachesOnlyItsRecipientAndTheDeliveryIsReportedBack() {
        String disclosureId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        EventProbe.publish("safeguarding.sharing", disclosureId, """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/sharing-service",
                 "type":"disclosure.made.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"disclosureId":"%s","requestId":"%s","organisation":"SOME-CARE-HOME","recipient":"%s",
                         "purpose":"COORDINATE_RESPONSES","categories":["IDENTITY"],"emergency":true,"madeAt":"%s"}}"""
                .formatted(eventId, Instant.now(), disclosureId, disclosureId, UUID.randomUUID(), organisation, Instant.now()));

        var received = gateway.await(r -> r.body().contains(disclosureId), 1, Duration.ofSeconds(20));
        assertTrue(received.get(0).body().contains("/disclosures/" + disclosureId), "links to the disclosure in sharing-service");
        var reports = EventProbe.await("safeguarding.notifications", e -> "notification.delivered.v1".equals(e.path("type").asText())
                && eventId.equals(e.path("data").path("eventId").asText()), 1, Duration.ofSeconds(20));
        assertEquals(organisation, reports.get(0).path("data").path("organisation").asText());
        assertEquals("disclosure.made.v1", reports.get(0).path("data").path("eventType").asText());
        assertTrue(reports.get(0).path("data").hasNonNull("deliveredAt"));
    }

    private String raiseConcern(String concernId) {
        String eventId = UUID.randomUUID().toString();
        EventProbe.publish("safeguarding.concerns", concernId, concernRaised(eventId, concernId, organisation));
        return eventId;
    }

    private void announceGateway(String org, String url, String plainSecret) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/agreement-service",
                 "type":"organisation.gateway-configured.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"organisation":"%s","url":"%s","secrets":[{"id":"%s","sealed":"%s","notAfter":null}]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), org, org, url, UUID.randomUUID(), sealer.seal(plainSecret));
        EventProbe.publish("safeguarding.agreements", org, event);
    }

    static String concernRaised(String eventId, String concernId, String org) {
        return """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/concern-service",
                 "type":"concern.raised.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"concernId":"%s","organisation":"%s","urgency":"ROUTINE","raisedAt":"%s"}}"""
                .formatted(eventId, Instant.now(), concernId, concernId, org, Instant.now());
    }

    static String newSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
