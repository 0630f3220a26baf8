package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A response deadline survives notification-service crashing: the line manager's 20-second deadline passes
 * while the service is down, and after the restart the breach is announced to the owner's gateway exactly
 * once; nothing told while it was down is lost. It registers an agency of its own, outside the demo
 * partnership, so that no other test depends on the seconds-long deadline it sets.
 */
class ResponseTimerRestartIT {

    static final String HOMECARE = "EASTVALE-HOMECARE";

    static LocalPlatform platform;
    static GatewayReceiver gateway;
    static String gatewayToken;

    @BeforeAll
    static void aHomeCareAgencyWithATightLineManagerDeadline() {
        platform = Partnership.platform();
        String admin = Partnership.user(Partnership.ADMIN);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"code\": \"" + HOMECARE + "\", \"name\": \"Eastvale Home Care\", \"type\": \"CARE_PROVIDER\"}")
                .post(url(PlatformSettings.AGREEMENT, "/organisations")).then().statusCode(201);
        given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                        {"safeguardingLead": {"name": "Hana Hughes", "role": "Registered manager", "email": "lead@eastvale-homecare.example"},
                         "whistleblowingPolicy": {"reference": "https://eastvale-homecare.example/whistleblowing", "owner": "HR", "reviewDate": "2027-12-31"},
                         "escalationRoute": [
                           {"step": "LINE_MANAGER", "responseTimes": {"EMERGENCY": "PT20S", "URGENT": "PT20S", "ROUTINE": "PT20S", "LOW_LEVEL": "PT20S"}},
                           {"step": "SAFEGUARDING_LEAD", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT2H", "ROUTINE": "PT2H", "LOW_LEVEL": "PT2H"}},
                           {"step": "LOCAL_AUTHORITY", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "P1D", "ROUTINE": "P1D", "LOW_LEVEL": "P1D"}}]}""")
                .put(url(PlatformSettings.AGREEMENT, "/organisations/" + HOMECARE + "/safeguarding-setup")).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        gateway = Partnership.gatewayOf(HOMECARE);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", admin)
                .get(url(PlatformSettings.AGREEMENT, "/organisations/" + HOMECARE)).then()
                .body("gatewayClient.status", equalTo("PROVISIONED")));
        var credentials = given().header("Authorization", admin)
                .post(url(PlatformSettings.AGREEMENT, "/organisations/" + HOMECARE + "/gateway-client/credentials"))
                .then().statusCode(200).extract().jsonPath();
        gatewayToken = "Bearer " + given().formParam("grant_type", "client_credentials")
                .formParam("client_id", credentials.getString("clientId"))
                .formParam("client_secret", credentials.getString("clientSecret"))
                .post(platform.tokenEndpoint()).then().statusCode(200).extract().path("access_token");
    }

    @Test
    void aDeadlineThatPassesWhileTheServiceIsDownIsBreachedOnceAfterTheRestart() throws Exception {
        // concern-service must know the organisation's route before the concern is raised.
        Partnership.awaitReplicated();
        String concernId = given().header("Authorization", gatewayToken).contentType(ContentType.JSON).body("""
                        {"adult": {"givenName": "Arthur", "familyName": "Penn"}, "abuseTypes": ["NEGLECT_AND_ACTS_OF_OMISSION"],
                         "whatHappened": "Missed medication three days running; carer did not attend.", "urgency": "ROUTINE"}""")
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201).extract().path("id");

        var routed = gateway.await(webhook("concern.routed.v1", concernId), 1, Duration.ofSeconds(30));
        assertEquals(1, routed.size(), "the line manager was told, and the deadline set");
        Instant due = Instant.parse(json(routed.get(0).body()).path("data").path("responseDueAt").asText());
        // The timer is applied just after the webhook is planned, in the same consumer; give it a moment.
        Thread.sleep(1500);

        platform.killService(PlatformSettings.NOTIFICATION);
        // The deadline passes, and concern-service escalates, while notification-service is down.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 20_000);
        platform.startService(PlatformSettings.NOTIFICATION);

        var breaches = gateway.await(webhook("sla.breached.v1", concernId), 1, Duration.ofSeconds(60));
        assertEquals(1, breaches.size(), "the breach was announced after the restart");
        var breach = json(breaches.get(0).body()).path("data");
        assertEquals("LINE_MANAGER", breach.path("step").asText());
        // The database keeps microseconds.
        assertTrue(Duration.between(due, Instant.parse(breach.path("dueAt").asText())).abs().toMillis() < 1, "the missed deadline");
        // Nothing told while the service was down is lost: the escalation to the safeguarding lead arrives too.
        assertEquals(1, gateway.await(webhook("concern.escalated.v1", concernId), 1, Duration.ofSeconds(30)).size());

        // Several timer checks later, still exactly one breach.
        Thread.sleep(12_000);
        List<GatewayReceiver.Received> all = gateway.received().stream().filter(webhook("sla.breached.v1", concernId)).toList();
        assertEquals(1, all.stream().map(r -> r.header("webhook-id")).distinct().count(), "never fires twice");
        assertTrue(all.size() >= 1);
    }

    private static Predicate<GatewayReceiver.Received> webhook(String type, String concernId) {
        return r -> r.body().contains("\"type\":\"" + type + "\"") && r.body().contains(concernId);
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) throws Exception {
        return new ObjectMapper().readTree(body);
    }

    private static String url(String service, String path) {
        return platform.serviceUrl(service) + path;
    }
}
