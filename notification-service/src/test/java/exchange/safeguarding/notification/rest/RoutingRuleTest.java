package exchange.safeguarding.notification.rest;

import exchange.safeguarding.kit.crypto.SecretSealer;
import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import exchange.safeguarding.notification.GreenMailResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Each organisation chooses its channels per event type, within what safety requires. */
@QuarkusTest
class RoutingRuleTest {

    @Inject
    SecretSealer sealer;

    GatewayReceiver gateway;
    final String org = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final String duty = "duty-" + org.toLowerCase() + "@example.org";
    String admin;

    @BeforeEach
    void gatewayIsConfigured() {
        gateway = new GatewayReceiver();
        admin = bearer(token("ada", org, "protocol-admin"));
        EventProbe.publish("safeguarding.agreements", org, """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/agreement-service",
                 "type":"organisation.gateway-configured.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"organisation":"%s","url":"%s","secrets":[{"id":"%s","sealed":"%s","notAfter":null}]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), org, org, gateway.url("/hooks"), UUID.randomUUID(),
                        sealer.seal("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))));
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    String publish(String type, String concernId, String audience) {
        String eventId = UUID.randomUUID().toString();
        EventProbe.publish("safeguarding.concerns", concernId, """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/concern-service",
                 "type":"%s","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"concernId":"%s","organisation":"%s","urgency":"ROUTINE","step":"LINE_MANAGER","owner":"%s",
                         "recipients":[{"organisation":"%s","audience":"%s"}]}}"""
                .formatted(eventId, type, Instant.now(), concernId, concernId, org, org, org, audience));
        return eventId;
    }

    long mailTo(String address, String concernId) {
        return Arrays.stream(GreenMailResource.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))
                        && m.getContent().toString().contains(concernId);
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @Test
    void anOrganisationTurnsOffAWebhookItDoesNotWantAndEmailsItsDutyTeamInstead() {
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"webhook\":false,\"emailTo\":[\"" + duty + "\"]}")
                .put("/routing-rules/concern.acknowledged.v1").then().statusCode(200)
                .body("configured", equalTo(true)).body("webhook", equalTo(false)).body("emailTo", contains(duty));

        String quiet = UUID.randomUUID().toString();
        String quietEvent = publish("concern.acknowledged.v1", quiet, "raiser");
        String loud = UUID.randomUUID().toString();
        publish("concern.triaged.v1", loud, "raiser");

        // The other type still reaches the gateway; by then the first event has been planned.
        gateway.await(r -> r.body().contains(loud), 1, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(duty, quiet) == 1);
        assertThat(gateway.received()).noneMatch(r -> r.body().contains(quiet));
        // The inbox keeps it all the same: it is the record of who was told.
        String lead = bearer(token("lee", org, "safeguarding-lead"));
        await().atMost(Duration.ofSeconds(10)).until(() -> given().header("Authorization", admin).get("/inbox")
                .then().statusCode(200).extract().jsonPath().getString("find { it.eventId == '" + quietEvent + "' }.id"), Objects::nonNull);

        // Back to the defaults: the next one reaches the gateway again.
        given().header("Authorization", lead).delete("/routing-rules/concern.acknowledged.v1").then().statusCode(200)
                .body("configured", equalTo(false)).body("webhook", equalTo(true));
        String again = UUID.randomUUID().toString();
        publish("concern.acknowledged.v1", again, "raiser");
        gateway.await(r -> r.body().contains(again), 1, Duration.ofSeconds(20));
    }

    @Test
    void safetyCriticalNotificationsCannotBeTurnedOffButCanGoToMorePeople() {
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"webhook\":false}")
                .put("/routing-rules/concern.escalated.v1").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("safety-critical"));
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"emailLead\":false}")
                .put("/routing-rules/disclosure.made.v1").then().statusCode(422);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"emailTo\":[\"" + duty + "\"]}")
                .put("/routing-rules/concern.escalated.v1").then().statusCode(200).body("safetyCritical", equalTo(true));

        String concernId = UUID.randomUUID().toString();
        publish("concern.escalated.v1", concernId, "safeguarding-lead");
        gateway.await(r -> r.body().contains(concernId), 1, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(duty, concernId) == 1);

        // An emergency ignores an organisation's opt-out, whatever the event type.
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"webhook\":false}")
                .put("/routing-rules/concern.triaged.v1").then().statusCode(200);
        String emergency = UUID.randomUUID().toString();
        publish("concern.triaged.v1", emergency, "emergency");
        gateway.await(r -> r.body().contains(emergency), 1, Duration.ofSeconds(20));
    }

    @Test
    void rulesBelongToOneOrganisationAndOnlyItsAdministratorsChangeThem() {
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"emailLead\":true}")
                .put("/routing-rules/agreement.review-due.v1").then().statusCode(200);
        given().header("Authorization", bearer(token("olly", "SOMEONE-ELSE", "protocol-admin")))
                .get("/routing-rules/agreement.review-due.v1").then().statusCode(200).body("configured", equalTo(false));
        given().header("Authorization", bearer(token("gw", org, "gateway"))).get("/routing-rules").then().statusCode(200)
                .body("findAll { it.configured }.eventType", contains("agreement.review-due.v1"))
                .body("eventType", hasItem("disclosure.made.v1"));

        given().header("Authorization", bearer(token("pat", org, "practitioner"))).contentType(ContentType.JSON)
                .body("{\"webhook\":false}").put("/routing-rules/concern.raised.v1").then().statusCode(403);
        given().header("Authorization", bearer(token("gw", org, "gateway"))).contentType(ContentType.JSON)
                .body("{\"webhook\":false}").put("/routing-rules/concern.raised.v1").then().statusCode(403);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"webhook\":false}")
                .put("/routing-rules/concern.invented.v1").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"emailTo\":[\"not an address\"]}")
                .put("/routing-rules/concern.raised.v1").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"webhook\":\"perhaps\"}")
                .put("/routing-rules/concern.raised.v1").then().statusCode(400);
        given().header("Authorization", admin).get("/routing-rules/concern.raised.v1").then().body("configured", equalTo(false));
        given().get("/routing-rules").then().statusCode(401);
    }
}
