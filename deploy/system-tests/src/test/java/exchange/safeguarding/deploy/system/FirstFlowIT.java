package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first flow through the assembled platform with real Keycloak, Kafka and PostgreSQL: a care provider's
 * gateway raises a concern, and the provider's gateway receives a signed webhook about it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstFlowIT {

    static final String CARE = Partnership.MEADOWBANK;

    static LocalPlatform platform;
    static GatewayReceiver gateway;
    static String signingSecret;

    @BeforeAll
    static void theDemoCareProvidersGateway() {
        platform = Partnership.platform();
        gateway = Partnership.gatewayOf(CARE);
        signingSecret = Partnership.secretOf(CARE);
    }

    @Test
    @Order(1)
    void aConcernRaisedThroughTheGatewayComesBackAsASignedWebhook() throws Exception {
        String token = Partnership.gateway(CARE);
        long raised = System.nanoTime();
        String concernId = raiseConcern(token, "ROUTINE");

        List<GatewayReceiver.Received> received = gateway.await(raised(concernId), 1, Duration.ofSeconds(30));
        assertEquals(1, received.size(), "the care provider's gateway received the concern");
        System.out.printf("concern raised to webhook received: %d ms%n", (System.nanoTime() - raised) / 1_000_000);
        GatewayReceiver.Received webhook = received.get(0);
        assertDoesNotThrow(() -> new Webhook(signingSecret).verify(webhook.body(), webhook.headers()),
                "the signature verifies with the secret the agency was given");
        var body = new ObjectMapper().readTree(webhook.body());
        assertEquals("concern.raised.v1", body.path("type").asText());
        assertEquals(concernId, body.path("subject").asText());
        assertEquals(CARE, body.path("data").path("organisation").asText());
        assertTrue(!webhook.body().contains("Clarke"), "the webhook carries identifiers and a link, not the adult's name");

        // The delivery and its outcome are on record, for the recipient to see.
        String deliveryId = webhook.header("webhook-id");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().header("Authorization", token).get(notifications("/deliveries/" + deliveryId))
                        .then().statusCode(200).body("status", equalTo("DELIVERED"))
                        .body("attemptHistory[0].statusCode", equalTo(200)));
    }

    @Test
    @Order(2)
    void everyEndpointNeedsATokenAndHidesOtherOrganisationsRecords() {
        String careToken = Partnership.gateway(CARE);
        String concernId = raiseConcern(careToken, "URGENT");
        for (String url : List.of(agreements("/organisations"), concerns("/concerns"), concerns("/concerns/" + concernId),
                sharing("/consent-records"), notifications("/deliveries"))) {
            given().get(url).then().statusCode(401);
            given().header("Authorization", "Bearer not-a-token").get(url).then().statusCode(401);
        }
        String police = Partnership.user("police.officer");
        given().header("Authorization", police).get(concerns("/concerns/" + concernId))
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", police).get(agreements("/organisations/" + CARE)).then().statusCode(404);
        given().header("Authorization", careToken).get(concerns("/concerns/" + concernId)).then().statusCode(200);
    }

    @Test
    @Order(3)
    void aConcernAcceptedWhileKafkaIsDownIsDeliveredOnceKafkaIsBack() throws Exception {
        String token = Partnership.gateway(CARE);
        platform.stopKafka();
        String concernId;
        try {
            concernId = raiseConcern(token, "URGENT");
            assertEquals(0, gateway.await(raised(concernId), 1, Duration.ofSeconds(3)).size(),
                    "nothing can travel while the broker is down");
        } finally {
            platform.startKafka();
        }
        assertEquals(1, gateway.await(raised(concernId), 1, Duration.ofSeconds(90)).size(),
                "the concern's event left the outbox once the broker was back and reached the gateway");
    }

    /** The concern.raised webhook about this concern (the raiser's line managers are also told it was routed). */
    private static java.util.function.Predicate<GatewayReceiver.Received> raised(String concernId) {
        return r -> r.body().contains(concernId) && r.body().contains("\"concern.raised.v1\"");
    }

    private static String raiseConcern(String token, String urgency) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("""
                        {"adult": {"givenName": "Edith", "familyName": "Clarke"}, "abuseTypes": ["PHYSICAL"],
                         "whatHappened": "Bruising on both forearms; says a visitor grabbed her.", "urgency": "%s"}"""
                        .formatted(urgency))
                .post(concerns("/concerns")).then().statusCode(201).extract().path("id");
    }

    static String agreements(String path) {
        return platform.serviceUrl(PlatformSettings.AGREEMENT) + path;
    }

    static String concerns(String path) {
        return platform.serviceUrl(PlatformSettings.CONCERN) + path;
    }

    static String sharing(String path) {
        return platform.serviceUrl(PlatformSettings.SHARING) + path;
    }

    static String notifications(String path) {
        return platform.serviceUrl(PlatformSettings.NOTIFICATION) + path;
    }
}
