package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 6, patterns no single agency could see. Each test invents its own adults, alleged
 * person and care home (random suffixes), so no other test's concerns can reach these thresholds (the
 * platform's defaults: three organisations about one adult, one person named against two adults, three
 * concerns about one setting). The local authority is told by webhook, can read every concern an alert
 * names, and decides what to do; the agencies that raised the concerns are not sent the alert.
 */
class Scenario06PatternsIT {

    static final String COUNCIL = Partnership.COUNCIL;
    static final Duration PROPAGATION = Duration.ofSeconds(30);

    @BeforeAll
    static void gatewaysOfTheCouncilAndTheRaisers() {
        for (String organisation : List.of(COUNCIL, Partnership.MEADOWBANK, Partnership.NHS, Partnership.POLICE, Partnership.AMBULANCE)) {
            Partnership.gatewayOf(organisation);
        }
        Partnership.awaitReplicated();
    }

    /** What each raiser's decision releases to the council for a pattern: the route's ask, as the protocol permits. */
    static final java.util.Set<String> PATTERN_RELEASE = java.util.Set.of("IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION",
            "PERSON_ALLEGED_TO_CAUSE_HARM");

    @Test
    void lowLevelConcernsAboutOneAdultFromThreeAgenciesAlertTheLocalAuthority() {
        InventedPerson adult = InventedPerson.named("Winifred", "Oakes");
        String officer = Partnership.user("asc.officer");

        // Each agency sees only a small worry, recorded and routed to no one.
        String fromCareHome = raise(Partnership.user("care.practitioner"), lowLevel(adult, "Seemed withdrawn after her son's visit."));
        String fromHospital = raise(Partnership.user("nhs.practitioner"), lowLevel(adult, "Missed two outpatient appointments; said she had no money for the bus."));
        JsonPath first = concern(Partnership.user("care.practitioner"), fromCareHome);
        assertEquals("RECORDED", first.getString("status"));
        assertEquals(first.getString("adult.personId"), concern(Partnership.user("nhs.practitioner"), fromHospital).getString("adult.personId"),
                "the two agencies' concerns are matched to one adult");
        // Two agencies are not yet a pattern, and the council cannot see low-level concerns it was not sent.
        assertTrue(alertsNaming(officer, fromCareHome).isEmpty());
        given().header("Authorization", officer).get(concerns("/concerns/" + fromCareHome)).then().statusCode(404);

        Instant third = Instant.now();
        String fromPolice = raise(Partnership.user("police.officer"), lowLevel(adult, "Neighbour reports shouting from the flat late at night."));

        // The third agency's concern completes the pattern, in the same transaction that stored it.
        List<Map<String, Object>> alerts = alertsNaming(officer, fromPolice);
        assertEquals(1, alerts.size(), "one alert names the third concern");
        Map<String, Object> alert = alerts.get(0);
        assertEquals("SAME_ADULT", alert.get("rule"));
        assertEquals("OPEN", alert.get("status"));
        assertEquals(first.getString("adult.personId"), alert.get("subject"));
        assertEquals(List.of(fromCareHome, fromHospital, fromPolice), alert.get("concernIds"));
        assertEquals(List.of(Partnership.MEADOWBANK, Partnership.NHS, Partnership.POLICE), alert.get("organisations"));

        String alertId = (String) alert.get("id");
        GatewayReceiver.Received webhook = toldTheCouncil(alertId, third, "SAME_ADULT");
        assertEquals(List.of(fromCareHome, fromHospital, fromPolice), concernIdsIn(webhook));
        assertFalse(webhook.body().contains(adult.familyName()), "the webhook names no one");
        // The council can now read each concern the alert names, as far as each raiser's decision released it; the
        // raisers are not sent the alert.
        Map<String, String> leads = Map.of(fromCareHome, "care.lead", fromHospital, "nhs.lead", fromPolice, "police.lead");
        for (String concernId : List.of(fromCareHome, fromHospital, fromPolice)) {
            JsonPath read = WhatTheyRead.exactly(COUNCIL, "asc.officer", concernId, PATTERN_RELEASE);
            assertEquals(adult.familyName(), read.getString("adult.familyName"));
            assertNull(read.get("adult.postcode"), "CONTACT is not the pattern's to release");
            JsonPath decided = WhatTheyRead.routeDecision(leads.get(concernId), concernId, COUNCIL, "PATTERN");
            assertEquals("REVEAL_PATTERNS_OF_ABUSE", decided.getString("purpose"));
            assertEquals("SAFEGUARDING_DUTY", decided.getString("ground"));
        }
        notSentTo(alertId, Partnership.MEADOWBANK, Partnership.NHS, Partnership.POLICE);
        given().header("Authorization", Partnership.user("nhs.practitioner")).get(concerns("/pattern-alerts/" + alertId))
                .then().statusCode(403);

        // The council decides, with its reasons, and the decision is kept on the alert.
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body(Map.of("decision", "START_ENQUIRY", "reason", "Three agencies worried about her within a month"))
                .post(concerns("/pattern-alerts/" + alertId + "/decision")).then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("decision", equalTo("START_ENQUIRY")).body("decidedBy", equalTo("asc.officer"));
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body(Map.of("decision", "NO_ACTION", "reason", "Second thoughts"))
                .post(concerns("/pattern-alerts/" + alertId + "/decision")).then().statusCode(409);
    }

    @Test
    void onePersonNamedInConcernsAboutTwoAdultsRaisesAnOthersAtRiskAlert() {
        InventedPerson alleged = InventedPerson.named("Gary", "Pinchbeck");
        InventedPerson firstAdult = InventedPerson.named("Edna", "Marlow");
        InventedPerson secondAdult = InventedPerson.named("Harold", "Tuttle");
        String officer = Partnership.user("asc.officer");

        String aboutEdna = raise(Partnership.user("care.practitioner"), """
                {"adult": %s, "abuseTypes": ["FINANCIAL_OR_MATERIAL"], "urgency": "ROUTINE", "sourceOfRisk": "KNOWN_TO_INDIVIDUAL",
                 "personAllegedToCauseHarm": {"person": %s, "relationship": "Befriended her at church"},
                 "viewsAndWishes": "Does not want her daughter told", "capacity": {"lackedCapacity": "DONT_KNOW"},
                 "whatHappened": "A new friend has been taking her to the bank and she has withdrawn several thousand pounds."}"""
                .formatted(firstAdult.json(), alleged.json()));
        assertTrue(alertsNaming(officer, aboutEdna).isEmpty(), "one adult is not yet a pattern");

        Instant second = Instant.now();
        String aboutHarold = raise(Partnership.user("ambulance.practitioner"), """
                {"adult": %s, "abuseTypes": ["FINANCIAL_OR_MATERIAL", "PSYCHOLOGICAL"], "urgency": "URGENT",
                 "sourceOfRisk": "KNOWN_TO_INDIVIDUAL",
                 "personAllegedToCauseHarm": {"person": %s, "relationship": "Says he is a friend of the family"},
                 "whatHappened": "Crew found a man at the address pressing him to sign a cheque; he was frightened."}"""
                .formatted(secondAdult.json(), alleged.json()));

        List<Map<String, Object>> alerts = alertsNaming(officer, aboutHarold);
        assertEquals(1, alerts.size());
        Map<String, Object> alert = alerts.get(0);
        assertEquals("OTHERS_AT_RISK", alert.get("rule"));
        assertEquals(List.of(aboutEdna, aboutHarold), alert.get("concernIds"));
        assertEquals(List.of(Partnership.MEADOWBANK, Partnership.AMBULANCE), alert.get("organisations"));
        String allegedPersonId = WhatTheyRead.exactly(COUNCIL, "asc.officer", aboutHarold, PATTERN_RELEASE)
                .getString("personAllegedToCauseHarm.personId");
        assertEquals(allegedPersonId, alert.get("subject"), "the alert is about the person alleged to cause harm");

        String alertId = (String) alert.get("id");
        GatewayReceiver.Received webhook = toldTheCouncil(alertId, second, "OTHERS_AT_RISK");
        assertFalse(webhook.body().contains(alleged.familyName()), "the webhook names no one");
        // The council can see both concerns, and that they name the same person; not the adult's views and wishes,
        // which are not the pattern's to release.
        for (String concernId : List.of(aboutEdna, aboutHarold)) {
            JsonPath read = WhatTheyRead.exactly(COUNCIL, "asc.officer", concernId, PATTERN_RELEASE, "daughter told");
            assertEquals(allegedPersonId, read.getString("personAllegedToCauseHarm.personId"));
            assertNull(read.get("lackedCapacity"));
        }
        notSentTo(alertId, Partnership.MEADOWBANK, Partnership.AMBULANCE);
    }

    @Test
    void concernsAboutOneCareHomeRaiseAnOrganisationalAlert() {
        String suffix = InventedPerson.randomSuffix();
        String home = "Larkspur House " + suffix;
        String officer = Partnership.user("asc.officer");
        List<String> concernIds = new ArrayList<>();
        List<String> raisers = List.of("nhs.practitioner", "ambulance.practitioner", "police.officer");
        List<String> accounts = List.of("Pressure sores left untreated; staff say they are short-handed.",
                "Resident found on the floor; call bell out of reach.", "Relative reports residents locked in their rooms at night.");
        Instant third = null;
        for (int i = 0; i < 3; i++) {
            if (i == 2) {
                third = Instant.now();
            } else {
                assertTrue(concernIds.isEmpty() || alertsNaming(officer, concernIds.get(concernIds.size() - 1)).isEmpty(),
                        "fewer than three concerns are not yet a pattern");
            }
            concernIds.add(raise(Partnership.user(raisers.get(i)), """
                    {"adult": %s, "abuseTypes": ["NEGLECT_AND_ACTS_OF_OMISSION", "ORGANISATIONAL"], "urgency": "ROUTINE",
                     "location": {"type": "CARE_HOME_NURSING", "settingName": "%s"}, "sourceOfRisk": "SERVICE_PROVIDER",
                     "whatHappened": "%s"}""".formatted(InventedPerson.named("Resident", "Larkspur").json(), home, accounts.get(i))));
        }

        List<Map<String, Object>> alerts = alertsNaming(officer, concernIds.get(2));
        assertEquals(1, alerts.size());
        Map<String, Object> alert = alerts.get(0);
        assertEquals("ORGANISATIONAL", alert.get("rule"));
        assertEquals(("larkspurhouse" + suffix).toLowerCase(java.util.Locale.ROOT), alert.get("subject"),
                "the setting, compared in lower case, letters and digits only");
        assertEquals(concernIds, alert.get("concernIds"));
        assertEquals(List.of(Partnership.AMBULANCE, Partnership.NHS, Partnership.POLICE), alert.get("organisations"));
        String alertId = (String) alert.get("id");
        toldTheCouncil(alertId, third, "ORGANISATIONAL");
        notSentTo(alertId, Partnership.NHS, Partnership.AMBULANCE, Partnership.POLICE);
        for (String concernId : concernIds) {
            assertEquals(home, WhatTheyRead.exactly(COUNCIL, "asc.officer", concernId, PATTERN_RELEASE).getString("settingName"));
        }
    }

    /** The council's gateway is sent the alert (signed, addressed to its safeguarding officers); prints how fast. */
    private static GatewayReceiver.Received toldTheCouncil(String alertId, Instant triggered, String rule) {
        GatewayReceiver.Received webhook = SignedWebhooks.awaitOne(COUNCIL, "pattern.detected.v1", alertId, PROPAGATION);
        System.out.printf("scenario 6: %s alert to the council's gateway in %d ms after the concern that completed it%n", rule,
                SignedWebhooks.millisSince(triggered, webhook));
        var data = SignedWebhooks.data(webhook);
        assertEquals(rule, data.path("rule").asText());
        assertEquals(COUNCIL, data.path("localAuthority").asText());
        assertEquals("la-safeguarding-officer", data.path("audience").asText());
        assertTrue(data.path("links").path("patternAlert").asText().endsWith("/pattern-alerts/" + alertId));
        return webhook;
    }

    /** Once the council has been told, the raising agencies' gateways have not been sent the alert. */
    private static void notSentTo(String alertId, String... organisations) {
        for (String organisation : organisations) {
            assertEquals(List.of(), SignedWebhooks.received(organisation, "pattern.detected.v1", alertId),
                    organisation + " is not sent the council's alert");
        }
    }

    private static List<String> concernIdsIn(GatewayReceiver.Received webhook) {
        List<String> ids = new ArrayList<>();
        SignedWebhooks.data(webhook).path("concernIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    private static String lowLevel(InventedPerson adult, String whatHappened) {
        return """
                {"adult": %s, "abuseTypes": ["NEGLECT_AND_ACTS_OF_OMISSION"], "urgency": "LOW_LEVEL", "whatHappened": "%s"}"""
                .formatted(adult.json(), whatHappened);
    }

    private static String raise(String token, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post(concerns("/concerns")).then().statusCode(201).extract().path("id");
    }

    private static JsonPath concern(String token, String concernId) {
        return given().header("Authorization", token).get(concerns("/concerns/" + concernId)).then().statusCode(200).extract().jsonPath();
    }

    /** The council's alerts that name this concern. */
    private static List<Map<String, Object>> alertsNaming(String officer, String concernId) {
        return given().header("Authorization", officer).get(concerns("/pattern-alerts")).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.concernIds.contains('" + concernId + "') }");
    }

    static String concerns(String path) {
        return Partnership.url(PlatformSettings.CONCERN, path);
    }
}
