package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An emergency concern through the assembled platform: concern-service routes it, sharing-service discloses
 * it on vital interests (taking the snapshot from concern-service with its own Keycloak client-credentials
 * token), and the local authority's gateway receives a signed webhook; the council reads the disclosure,
 * and the raiser sees the review and inform-the-person tasks. (Scenario01EmergencyIT follows a care provider's
 * emergency to the emergency services too.)
 */
class EmergencyDisclosureIT {

    static final String COUNCIL = Partnership.COUNCIL;

    static LocalPlatform platform;
    static GatewayReceiver councilGateway;
    static String councilSecret;

    @BeforeAll
    static void theCouncilsGateway() {
        platform = Partnership.platform();
        councilGateway = Partnership.gatewayOf(COUNCIL);
        councilSecret = Partnership.secretOf(COUNCIL);
        Partnership.awaitReplicated();
    }

    @Test
    void anEmergencyConcernIsDisclosedToTheCouncilWithinSecondsOnVitalInterests() throws Exception {
        String nurse = Partnership.user("nhs.practitioner");
        long raised = System.nanoTime();
        String concernId = given().header("Authorization", nurse).contentType(ContentType.JSON).body("""
                        {"adult": {"givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02",
                                   "nhsNumber": "9434765919", "postcode": "NS1 4AB"},
                         "abuseTypes": ["PHYSICAL"], "whatHappened": "Found injured; partner threatening to return tonight.",
                         "urgency": "EMERGENCY", "emergencyServicesContacted": true}""")
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201).extract().path("id");

        var webhooks = councilGateway.await(r -> r.body().contains("disclosure.made.v1") && r.body().contains(concernId), 1,
                Duration.ofSeconds(60));
        assertEquals(1, webhooks.size(), "the council's gateway was told of the disclosure");
        System.out.printf("emergency concern raised to council's disclosure webhook: %d ms%n", (System.nanoTime() - raised) / 1_000_000);
        var webhook = webhooks.get(0);
        assertDoesNotThrow(() -> new Webhook(councilSecret).verify(webhook.body(), webhook.headers()));
        var body = new ObjectMapper().readTree(webhook.body());
        assertTrue(body.path("data").path("emergency").asBoolean());
        assertTrue(!webhook.body().contains("Clarke"), "the webhook carries a link, not the adult's details");

        // The council follows the link: the data was taken from concern-service with sharing-service's own token.
        String officer = Partnership.user("asc.officer");
        JsonPath disclosure = given().header("Authorization", officer)
                .get(body.path("data").path("links").path("disclosure").asText()).then().statusCode(200).extract().jsonPath();
        assertEquals("Clarke", disclosure.getString("data.IDENTITY.familyName"));
        assertEquals(concernId, disclosure.getString("data.CONCERN_SUMMARY.concernId"));
        assertEquals(List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION"), disclosure.getList("categories"));
        given().header("Authorization", Partnership.user("care.practitioner"))
                .get(url(PlatformSettings.SHARING, "/disclosures/" + disclosure.getString("id"))).then().statusCode(404);

        String lead = Partnership.user("nhs.lead");
        String requestId = disclosure.getString("requestId");
        given().header("Authorization", lead).get(url(PlatformSettings.SHARING, "/sharing-requests/" + requestId)).then()
                .statusCode(200).body("ground", equalTo("VITAL_INTERESTS"))
                .body("lawfulBasis.article6", equalTo("VITAL_INTERESTS_6_1_D"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertTrue(given().header("Authorization", lead).get(url(PlatformSettings.SHARING, "/review-tasks?status=OPEN"))
                    .then().extract().jsonPath().getList("requestId").contains(requestId), "a review task exists");
            assertTrue(given().header("Authorization", lead).get(url(PlatformSettings.SHARING, "/inform-the-person?status=OPEN"))
                    .then().extract().jsonPath().getList("requestId").contains(requestId), "an inform-the-person task exists");
        });
        given().header("Authorization", Partnership.user("asc.auditor"))
                .get(url(PlatformSettings.SHARING, "/decision-log/verification")).then().statusCode(200)
                .body("intact", equalTo(true));
    }

    static String url(String service, String path) {
        return platform.serviceUrl(service) + path;
    }
}
