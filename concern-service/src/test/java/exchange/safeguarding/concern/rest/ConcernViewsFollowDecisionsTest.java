package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.ConcernFixtures;
import exchange.safeguarding.concern.ConcernFixtures.Partnership;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static exchange.safeguarding.concern.ConcernFixtures.as;
import static exchange.safeguarding.concern.ConcernFixtures.concern;
import static exchange.safeguarding.concern.ConcernFixtures.raise;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one gate in concern-service: an organisation other than the raiser reads the workflow facts of a concern that
 * reached it, and of its details only the categories sharing-service's decisions released to it, in every view.
 */
@QuarkusTest
class ConcernViewsFollowDecisionsTest {

    static final String WITH_ALLEGED_HARM = "\"personAllegedToCauseHarm\": {\"person\": {\"givenName\": \"Mark\", "
            + "\"familyName\": \"Abuserson\"}, \"relationship\": \"Visitor (nephew)\"}";

    @Test
    void theEmergencyServicesReadOnlyWhatTheirDecisionReleasedAndTheRaiserReadsItsOwnRecord() {
        Partnership p = ConcernFixtures.partnership();
        String carer = as("pat", p.care(), "practitioner");
        String police = as("pc", p.police(), "gateway");
        String id = raise(carer, concern("EMERGENCY", null, WITH_ALLEGED_HARM));

        // Routed, so the police may see the concern, but no decision has released anything to them yet.
        JsonPath before = given().header("Authorization", police).get("/concerns/" + id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(before.getString("status")).isEqualTo("AWAITING_ACKNOWLEDGEMENT");
        assertThat(before.getString("urgency")).isEqualTo("EMERGENCY");
        assertThat(before.getString("currentStep")).isEqualTo("LOCAL_AUTHORITY");
        assertThat(before.getMap("adult")).isNull();
        assertThat(before.getString("whatHappened")).isNull();
        assertThat(before.getString("access.basis")).isEqualTo("SHARING_DECISIONS");
        assertThat(before.getList("access.released")).isEmpty();
        assertThat(before.getList("access.withheld.reason", String.class))
                .allSatisfy(r -> assertThat(r).contains("no sharing decision has released it to " + p.police()));
        assertThat(given().header("Authorization", police).get("/concerns/" + id).asString())
                .doesNotContain("Abuserson").doesNotContain("Edith").doesNotContain("Bruising");

        UUID decision = UUID.randomUUID();
        decided(decision, id, p.care(), p.police(), "APPROVED", List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION"),
                List.of(Map.of("category", "HEALTH", "reason", "not an emergency category"),
                        Map.of("category", "PERSON_ALLEGED_TO_CAUSE_HARM", "reason", "not an emergency category")));

        JsonPath after = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", police)
                .get("/concerns/" + id).then().statusCode(200).extract().jsonPath(), v -> v.getMap("adult") != null);
        assertThat(after.getString("adult.givenName")).isEqualTo("Edith");
        assertThat(after.getString("adult.postcode")).isEqualTo("NS14AB");
        assertThat(after.getString("whatHappened")).startsWith("Bruising");
        assertThat(after.getList("abuseTypes")).contains("PHYSICAL");
        assertThat(after.getMap("personAllegedToCauseHarm")).isNull();
        assertThat(after.getString("lackedCapacity")).isNull();
        assertThat(after.getString("viewsAndWishes")).isNull();
        assertThat(after.getList("access.decisions", String.class)).containsExactly(decision.toString());
        assertThat(after.getString("access.withheld.find { it.category == 'HEALTH' }.reason"))
                .contains("not an emergency category").contains(decision.toString());
        assertThat(after.getString("access.withheld.find { it.category == 'VIEWS_AND_WISHES' }.reason"))
                .contains("no sharing decision has released it");
        // Who has seen it: the read is announced, with the categories and the decision, for the care home's access log.
        var announced = EventProbe.await("safeguarding.concerns", e -> id.equals(e.path("subject").asText())
                && "access.read.v1".equals(e.path("type").asText()), 1, Duration.ofSeconds(20)).get(0).path("data");
        assertThat(announced.path("reader").asText()).isEqualTo(p.police());
        assertThat(announced.path("owner").asText()).isEqualTo(p.care());
        assertThat(announced.path("categories").toString()).isEqualTo("[\"IDENTITY\",\"CONTACT\",\"CONCERN_SUMMARY\",\"RISK_INFORMATION\"]");
        assertThat(announced.path("decisions").get(0).asText()).isEqualTo(decision.toString());
        assertThat(announced.toString()).doesNotContain("Edith");
        String listed = given().header("Authorization", police).get("/concerns?size=200").asString();
        assertThat(listed).contains(id).doesNotContain("Abuserson").doesNotContain("Wants to stay at Meadowbank");

        // The raising organisation reads its own record in full.
        JsonPath own = given().header("Authorization", carer).get("/concerns/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(own.getString("access.basis")).isEqualTo("OWN_RECORD");
        assertThat(own.getString("personAllegedToCauseHarm.familyName")).isEqualTo("Abuserson");
        assertThat(own.getString("viewsAndWishes")).isEqualTo("Wants to stay at Meadowbank");
    }

    @Test
    void aDecisionGivesNoSightOfAConcernThatDidNotReachTheRecipientAndARefusalReleasesNothing() {
        Partnership p = ConcernFixtures.partnership();
        String carer = as("pat", p.care(), "practitioner");
        String nurse = as("nurse", p.nhs(), "practitioner");
        String officer = as("olu", p.council(), "la-safeguarding-officer");
        String id = raise(carer, concern("EMERGENCY", null, WITH_ALLEGED_HARM));

        // The trust was disclosed the adult's identity, but the concern is not its to act on: it reads the disclosure
        // in sharing-service, never the concern.
        UUID toTheTrust = UUID.randomUUID();
        decided(toTheTrust, id, p.care(), p.nhs(), "APPROVED", List.of("IDENTITY"), List.of());
        // The council's decision was refused (say, by an approver): it releases nothing.
        decided(UUID.randomUUID(), id, p.care(), p.council(), "REFUSED", List.of(),
                List.of(Map.of("category", "IDENTITY", "reason", "refused on review by the care home's Caldicott guardian")));
        JsonPath council = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", officer)
                .get("/concerns/" + id).then().statusCode(200).extract().jsonPath(),
                v -> v.getString("access.withheld.find { it.category == 'IDENTITY' }.reason").contains("refused on review"));
        assertThat(council.getList("access.released")).isEmpty();
        assertThat(council.getMap("adult")).isNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> exchange.safeguarding.concern.domain.ConcernRelease.findById(toTheTrust) != null));
        given().header("Authorization", nurse).get("/concerns/" + id).then().statusCode(404);
        assertThat(given().header("Authorization", nurse).get("/concerns?size=200").asString()).doesNotContain(id);
    }

    @Test
    void sharingServiceReadsTheRoutingFactsOfAConcernItHasNotHeardOfYet() {
        Partnership p = ConcernFixtures.partnership();
        String id = raise(as("pat", p.care(), "practitioner"), concern("EMERGENCY", null, null));
        JsonPath facts = given().header("Authorization", as("sharing-service", "PLATFORM", "platform-service"))
                .get("/extracts/concerns/" + id + "/replica").then().statusCode(200).extract().jsonPath();
        assertThat(facts.getString("organisation")).isEqualTo(p.care());
        assertThat(facts.getString("urgency")).isEqualTo("EMERGENCY");
        assertThat(facts.getList("parties", String.class)).contains(p.care(), p.council(), p.police());
        given().header("Authorization", as("pat", p.care(), "practitioner")).get("/extracts/concerns/" + id + "/replica")
                .then().statusCode(403);
        given().header("Authorization", as("sharing-service", "PLATFORM", "platform-service"))
                .get("/extracts/concerns/" + UUID.randomUUID() + "/replica").then().statusCode(404);
    }

    private static void decided(UUID requestId, String concernId, String from, String to, String outcome,
                                List<String> released, List<Map<String, String>> withheld) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("requestId", requestId);
        data.put("organisation", from);
        data.put("recipient", to);
        data.put("concernId", concernId);
        data.put("purpose", "PREVENT_DEATH_OR_SERIOUS_HARM");
        data.put("outcome", outcome);
        data.put("emergency", true);
        data.put("released", released);
        data.put("withheld", withheld.stream().map(w -> w.get("category")).toList());
        data.put("withheldBecause", withheld);
        data.put("decidedAt", Instant.now());
        EventProbe.publishEvent("safeguarding.sharing", requestId.toString(),
                "sharing." + outcome.toLowerCase().replace('_', '-') + ".v1", data);
    }
}
