package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static exchange.safeguarding.deploy.system.Partnership.AMBULANCE;
import static exchange.safeguarding.deploy.system.Partnership.COUNCIL;
import static exchange.safeguarding.deploy.system.Partnership.MEADOWBANK;
import static exchange.safeguarding.deploy.system.Partnership.NHS;
import static exchange.safeguarding.deploy.system.Partnership.POLICE;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static exchange.safeguarding.deploy.system.Partnership.webhook;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 1, emergency: a care-home practitioner raises an emergency concern. Without anyone
 * asking the adult, the council and the emergency services in the area (police, ambulance) are told through
 * their gateways within seconds and each receives a vital-interests disclosure it can read; an organisation the
 * emergency does not involve (the NHS trust) sees nothing. The care home has a review task and an
 * inform-the-person task, and its record of the decision shows vital interests as the lawful basis.
 */
class Scenario01EmergencyIT {

    /** Who must hear of an emergency at Meadowbank: the council and the emergency services in Northshire. */
    static final List<String> TOLD = List.of(COUNCIL, POLICE, AMBULANCE);
    /** The categories sharing-service discloses in an emergency (sharing.emergency-categories). */
    static final List<String> EMERGENCY_CATEGORIES = List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION");
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);

    @BeforeAll
    static void gatewaysOfTheCareHomeTheCouncilAndTheEmergencyServices() {
        for (String organisation : List.of(MEADOWBANK, COUNCIL, POLICE, AMBULANCE, NHS)) {
            Partnership.gatewayOf(organisation);
        }
        Partnership.awaitReplicated();
    }

    @Test
    void theCouncilAndTheEmergencyServicesAreToldWithinSecondsOnVitalInterests() {
        Instant raised = Instant.now();
        JsonPath concern = given().header("Authorization", user("care.practitioner")).contentType(ContentType.JSON).body("""
                        {"adult": {"givenName": "Winifred", "familyName": "Ashcombe", "dateOfBirth": "1933-04-18",
                                   "nhsNumber": "4518190939", "postcode": "NS3 2QT"},
                         "abuseTypes": ["PHYSICAL", "DOMESTIC_ABUSE"],
                         "location": {"type": "CARE_HOME_RESIDENTIAL", "settingName": "Meadowbank Lodge, Beech Wing"},
                         "personAllegedToCauseHarm": {"person": {"givenName": "Victor", "familyName": "Ashcombe"},
                                                      "relationship": "Son (visitor)"},
                         "whatHappened": "Son pushed her to the floor in her room; she has a head wound and he says he will come back tonight.",
                         "immediateActions": "First aid given; son asked to leave; 999 called.",
                         "urgency": "EMERGENCY", "emergencyServicesContacted": true}""")
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201)
                .body("currentStep", equalTo("LOCAL_AUTHORITY")).body("ownerOrganisation", equalTo(COUNCIL))
                .extract().jsonPath();
        String concernId = concern.getString("id");
        String personId = concern.getString("adult.personId");

        // Each of them hears of the emergency (the routing, who must act) and receives a disclosure, signed.
        Map<String, JsonNode> disclosures = new LinkedHashMap<>();
        List<String> timings = new ArrayList<>();
        for (String organisation : TOLD) {
            GatewayReceiver gateway = Partnership.gatewayOf(organisation);
            var routed = gateway.await(webhook("concern.routed.v1", concernId), 1, WITHIN_SECONDS);
            assertEquals(1, routed.size(), organisation + "'s gateway was told of the emergency");
            JsonNode routing = Partnership.verified(organisation, routed.get(0)).path("data");
            assertEquals(organisation.equals(COUNCIL) ? "la-safeguarding-officer" : "emergency", routing.path("audience").asText());
            assertEquals("EMERGENCY", routing.path("urgency").asText());

            var disclosed = gateway.await(webhook("disclosure.made.v1", concernId), 1, WITHIN_SECONDS);
            assertEquals(1, disclosed.size(), "a disclosure was made to " + organisation + " without waiting for consent");
            Duration told = Duration.between(raised, routed.get(0).at());
            Duration disclosedAfter = Duration.between(raised, disclosed.get(0).at());
            timings.add("%s told after %d ms, disclosure after %d ms".formatted(organisation, told.toMillis(),
                    disclosedAfter.toMillis()));
            assertTrue(told.compareTo(WITHIN_SECONDS) < 0 && disclosedAfter.compareTo(WITHIN_SECONDS) < 0,
                    organisation + " within seconds: " + timings);
            JsonNode made = Partnership.verified(organisation, disclosed.get(0)).path("data");
            assertTrue(made.path("emergency").asBoolean());
            assertEquals("PREVENT_DEATH_OR_SERIOUS_HARM", made.path("purpose").asText());
            assertFalse(disclosed.get(0).body().contains("Ashcombe") || routed.get(0).body().contains("Ashcombe"),
                    "webhooks carry identifiers and links, never the adult's name");
            disclosures.put(organisation, made);
        }
        System.out.println("scenario 1, care home's emergency raised to: " + String.join("; ", timings));

        // Each recipient follows the link with its own gateway token and reads exactly the emergency categories.
        for (var entry : disclosures.entrySet()) {
            JsonPath read = given().header("Authorization", Partnership.gateway(entry.getKey()))
                    .get(entry.getValue().path("links").path("disclosure").asText()).then().statusCode(200).extract().jsonPath();
            assertEquals(EMERGENCY_CATEGORIES, read.getList("categories"));
            assertEquals("Ashcombe", read.getString("data.IDENTITY.familyName"));
            assertEquals(concernId, read.getString("data.CONCERN_SUMMARY.concernId"));
            assertTrue(read.getString("data.RISK_INFORMATION.whatHappened").contains("come back tonight"));
            assertFalse(read.getMap("data").containsKey("PERSON_ALLEGED_TO_CAUSE_HARM"), "no more than the emergency needs");
            // Nobody else may read what was disclosed to this recipient, not even another recipient.
            String other = entry.getKey().equals(POLICE) ? AMBULANCE : POLICE;
            given().header("Authorization", Partnership.gateway(other))
                    .get(entry.getValue().path("links").path("disclosure").asText()).then().statusCode(404);
        }

        // The emergency services may open the concern itself; an agency the emergency does not involve may not.
        given().header("Authorization", user("police.officer")).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId))
                .then().statusCode(200).body("urgency", equalTo("EMERGENCY"));
        given().header("Authorization", user("asc.officer")).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId))
                .then().statusCode(200).body("currentStep", equalTo("LOCAL_AUTHORITY"));
        given().header("Authorization", user("nhs.practitioner")).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId))
                .then().statusCode(404);
        assertEquals(0, Partnership.gatewayOf(NHS).received().stream()
                .filter(r -> r.body().contains(concernId)).count(), "the NHS trust's gateway heard nothing of it");

        // The one gate: each recipient reads of the concern itself only the emergency categories its decision released;
        // the son who is alleged to have caused harm is named nowhere it reads.
        for (String[] reader : new String[][]{{POLICE, "police.officer"}, {AMBULANCE, "ambulance.practitioner"},
                {COUNCIL, "asc.officer"}}) {
            JsonPath view = WhatTheyRead.exactly(reader[0], reader[1], concernId, java.util.Set.copyOf(EMERGENCY_CATEGORIES),
                    "Victor", "Son (visitor)");
            assertEquals("Ashcombe", view.getString("adult.familyName"));
            assertTrue(view.getString("whatHappened").contains("come back tonight"));
            assertNull(view.get("personAllegedToCauseHarm"));
            assertEquals(List.of("HEALTH", "CARE_AND_SUPPORT_NEEDS", "VIEWS_AND_WISHES", "PERSON_ALLEGED_TO_CAUSE_HARM"),
                    view.getList("access.withheld.category"));
            JsonPath decided = WhatTheyRead.routeDecision("care.lead", concernId, reader[0], "EMERGENCY");
            assertEquals("VITAL_INTERESTS_6_1_D", decided.getString("lawfulBasis.article6"));
            assertEquals(EMERGENCY_CATEGORIES, decided.getList("releasedCategories"));
        }

        // The care home: what it disclosed, on which basis, and what it still owes the adult.
        String lead = user("care.lead");
        List<Map<String, Object>> sent = given().header("Authorization", lead)
                .get(url(PlatformSettings.SHARING, "/disclosures?direction=SENT")).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.concernId == '" + concernId + "' }");
        assertEquals(TOLD.stream().sorted().toList(), sent.stream().map(d -> (String) d.get("recipient")).sorted().toList());
        List<String> requestIds = sent.stream().map(d -> (String) d.get("requestId")).toList();
        for (String requestId : requestIds) {
            given().header("Authorization", lead).get(url(PlatformSettings.SHARING, "/sharing-requests/" + requestId)).then()
                    .statusCode(200).body("outcome", equalTo("APPROVED")).body("emergency", equalTo(true))
                    .body("withoutConsent", equalTo(true)).body("ground", equalTo("VITAL_INTERESTS"))
                    .body("purpose", equalTo("PREVENT_DEATH_OR_SERIOUS_HARM"))
                    .body("lawfulBasis.article6", equalTo("VITAL_INTERESTS_6_1_D"));
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<String> reviews = given().header("Authorization", lead)
                    .get(url(PlatformSettings.SHARING, "/review-tasks?status=OPEN")).then().statusCode(200)
                    .extract().jsonPath().getList("requestId");
            List<String> informs = given().header("Authorization", lead)
                    .get(url(PlatformSettings.SHARING, "/inform-the-person?status=OPEN")).then().statusCode(200)
                    .extract().jsonPath().getList("requestId");
            assertTrue(reviews.containsAll(requestIds), "a review task for each emergency disclosure");
            assertTrue(informs.containsAll(requestIds), "an inform-the-person task for each emergency disclosure");
        });

        // The record: the subject access export shows each decision with vital interests as its basis, and the
        // hash-chained decision log is intact.
        JsonPath export = given().header("Authorization", user("care.dpo"))
                .get(url(PlatformSettings.SHARING, "/subject-access?personId=" + personId)).then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> decisions = export.getList("decisions.findAll { it.concernId == '" + concernId + "' }");
        assertEquals(3, decisions.size(), "every decision about the adult is on record");
        for (Map<String, Object> decision : decisions) {
            assertEquals("VITAL_INTERESTS", decision.get("ground"));
            @SuppressWarnings("unchecked")
            Map<String, Object> basis = (Map<String, Object>) decision.get("lawfulBasis");
            assertEquals("VITAL_INTERESTS_6_1_D", basis.get("article6"));
        }
        assertEquals(3, export.getList("disclosures.findAll { it.concernId == '" + concernId + "' }").size());
        given().header("Authorization", user("care.dpo")).get(url(PlatformSettings.SHARING, "/decision-log/verification"))
                .then().statusCode(200).body("intact", equalTo(true));
    }
}
