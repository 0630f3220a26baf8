package exchange.safeguarding.sharing.service;

import exchange.safeguarding.sharing.domain.LogEntry;
import exchange.safeguarding.sharing.support.Partnership;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Scenario 1 inside the service: an emergency concern is disclosed at once, reviewed, and the person followed up. */
@QuarkusTest
class EmergencySharingTest {

    @Test
    void anEmergencyConcernReachesTheCouncilAndEmergencyServicesAtOnceOnVitalInterests() {
        Partnership partnership = new Partnership();
        String care = partnership.organisation("CARE", "CARE_PROVIDER", "ACTIVE");
        String council = partnership.organisation("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "ACTIVE");
        String police = partnership.organisation("POLICE", "POLICE", "ACTIVE");
        // No agreement with either, and no consent: the emergency does not wait for them.
        UUID concernId = partnership.concern(care, council, "EMERGENCY", List.of(police));

        String lead = bearer(token("lee", care, "safeguarding-lead"));
        List<Map<String, Object>> decisions = await().atMost(Duration.ofSeconds(30)).until(() ->
                given().header("Authorization", lead).get("/sharing-requests").then().statusCode(200).extract().jsonPath()
                        .<Map<String, Object>>getList("findAll { it.concernId == '" + concernId + "' }"), l -> l.size() == 2);
        assertThat(decisions).extracting(d -> d.get("recipient")).containsExactlyInAnyOrder(council, police);
        assertThat(decisions).allSatisfy(d -> {
            assertThat(d.get("outcome")).isEqualTo("APPROVED");
            assertThat(d.get("emergency")).isEqualTo(true);
            assertThat(d.get("ground")).isEqualTo("VITAL_INTERESTS");
            assertThat(((Map<?, ?>) d.get("lawfulBasis")).get("article6")).isEqualTo("VITAL_INTERESTS_6_1_D");
        });

        for (String recipient : List.of(council, police)) {
            String token = bearer(token("duty-" + recipient, recipient, "la-safeguarding-officer"));
            await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", token)
                    .get("/disclosures?direction=RECEIVED").then().extract().jsonPath()
                    .getList("findAll { it.concernId == '" + concernId + "' && it.emergency == true }").size() == 1);
        }
        List<String> requestIds = decisions.stream().map(d -> (String) d.get("id")).toList();
        assertThat(given().header("Authorization", lead).get("/review-tasks?status=OPEN").then().extract().jsonPath()
                .getList("requestId", String.class)).containsAll(requestIds);
        assertThat(given().header("Authorization", lead).get("/inform-the-person?status=OPEN").then().extract().jsonPath()
                .getList("requestId", String.class)).containsAll(requestIds);

        // The decision log records vital interests for the decision and the disclosure.
        List<LogEntry> entries = QuarkusTransaction.requiringNew().call(() -> LogEntry.<LogEntry>list("subjectId", UUID.fromString(requestIds.get(0))));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.entryType).isEqualTo("SHARING_DECIDED");
            assertThat(e.payload).contains("\"article6\":\"VITAL_INTERESTS_6_1_D\"").contains("\"emergency\":true");
        });

        String reviewId = given().header("Authorization", lead).get("/review-tasks?status=OPEN").then().extract().jsonPath()
                .getString("find { it.requestId == '" + requestIds.get(0) + "' }.id");
        given().header("Authorization", lead).contentType(ContentType.JSON)
                .body("{\"appropriate\": true, \"notes\": \"Life at risk; sharing was right\"}")
                .post("/review-tasks/" + reviewId + "/completion").then().statusCode(200)
                .body("status", equalTo("DONE")).body("appropriate", equalTo(true));
        given().header("Authorization", bearer(token("olu", council, "safeguarding-lead"))).contentType(ContentType.JSON)
                .body("{\"appropriate\": true, \"notes\": \"x\"}")
                .post("/review-tasks/" + reviewId + "/completion").then().statusCode(404);
    }
}
