package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * and the raiser sees the review and inform-the-person tasks.
 */
class EmergencyDisclosureIT {

    static final String COUNCIL = "NORTHSHIRE-ASC";
    static final String POLICE = "NORTHSHIRE-POLICE";
    static final String NHS = "NORTHSHIRE-NHS";

    static LocalPlatform platform;
    static GatewayReceiver councilGateway;
    static String councilSecret;

    @BeforeAll
    static void partnersInNorthshire() {
        platform = RunningPlatform.get();
        councilGateway = new GatewayReceiver();
        String admin = bearer(KeycloakTokens.user(platform.tokenEndpoint(), "asc.admin"));
        for (var org : List.of(List.of(COUNCIL, "Northshire Adult Social Care", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES"),
                List.of(POLICE, "Northshire Police", "POLICE"), List.of(NHS, "Northshire NHS Trust", "NHS_TRUST"))) {
            given().header("Authorization", admin).contentType(ContentType.JSON)
                    .body(Map.of("code", org.get(0), "name", org.get(1), "type", org.get(2), "areaServed", "Northshire"))
                    .post(url(PlatformSettings.AGREEMENT, "/organisations")).then().statusCode(201);
        }
        councilSecret = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"url\": \"" + councilGateway.url("/webhooks") + "\"}")
                .put(url(PlatformSettings.AGREEMENT, "/organisations/" + COUNCIL + "/gateway"))
                .then().statusCode(200).extract().path("signingSecret");
    }

    @AfterAll
    static void stopGateway() {
        if (councilGateway != null) {
            councilGateway.close();
        }
    }

    @Test
    void anEmergencyConcernIsDisclosedToTheCouncilWithinSecondsOnVitalInterests() throws Exception {
        String nurse = bearer(KeycloakTokens.user(platform.tokenEndpoint(), "nhs.practitioner"));
        // concern-service and sharing-service must both know the partners before the concern is raised.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().header("Authorization", nurse).contentType(ContentType.JSON).body(sharingProbe())
                        .post(url(PlatformSettings.SHARING, "/sharing-requests")).statusCode() == 201);
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
        String officer = bearer(KeycloakTokens.user(platform.tokenEndpoint(), "asc.officer"));
        JsonPath disclosure = given().header("Authorization", officer)
                .get(body.path("data").path("links").path("disclosure").asText()).then().statusCode(200).extract().jsonPath();
        assertEquals("Clarke", disclosure.getString("data.IDENTITY.familyName"));
        assertEquals(concernId, disclosure.getString("data.CONCERN_SUMMARY.concernId"));
        assertEquals(List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION"), disclosure.getList("categories"));
        given().header("Authorization", bearer(KeycloakTokens.user(platform.tokenEndpoint(), "care.practitioner")))
                .get(url(PlatformSettings.SHARING, "/disclosures/" + disclosure.getString("id"))).then().statusCode(404);

        String lead = bearer(KeycloakTokens.user(platform.tokenEndpoint(), "nhs.lead"));
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
        given().header("Authorization", bearer(KeycloakTokens.user(platform.tokenEndpoint(), "asc.auditor")))
                .get(url(PlatformSettings.SHARING, "/decision-log/verification")).then().statusCode(200)
                .body("intact", equalTo(true));
    }

    /** A request that is refused (no agreement) but proves sharing-service knows both parties. */
    private static String sharingProbe() {
        return """
                {"recipient": "%s", "adult": {"givenName": "Probe", "familyName": "Probe", "dateOfBirth": "1950-01-01"},
                 "purpose": "COORDINATE_RESPONSES", "dataCategories": ["IDENTITY"]}""".formatted(COUNCIL);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static String url(String service, String path) {
        return platform.serviceUrl(service) + path;
    }
}
