package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static exchange.safeguarding.deploy.system.Partnership.CHARITY;
import static exchange.safeguarding.deploy.system.Partnership.COUNCIL;
import static exchange.safeguarding.deploy.system.Partnership.MEADOWBANK;
import static exchange.safeguarding.deploy.system.Partnership.ORCHARD;
import static exchange.safeguarding.deploy.system.Partnership.POLICE;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, the one gate, through the public APIs with real Keycloak tokens: the routes scenarios 1, 2, 6 and 7 do
 * not cover (challenge to the local authority, closure without referral), emergencies that cannot be abused, and a
 * gateway that raises and at once shares never being told its own concern does not exist.
 */
class OneGateIT {

    static final String VIEWS = "Does not want her son told anything at all";
    static final String ALLEGED = "Desmond";

    @BeforeAll
    static void gateways() {
        for (String organisation : List.of(MEADOWBANK, COUNCIL, POLICE, ORCHARD, CHARITY)) {
            Partnership.gatewayOf(organisation);
        }
        Partnership.awaitReplicated();
    }

    @Test
    void aGatewayThatRaisesAndAtOnceSharesIsNeverToldItsConcernDoesNotExist() {
        String gateway = Partnership.gateway(MEADOWBANK);
        List<String> notFound = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String concernId = given().header("Authorization", gateway).contentType(ContentType.JSON)
                    .body(concern(InventedPerson.named("Rapid", "Sharer"), "ROUTINE"))
                    .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201).extract().path("id");
            // Every concern is previewed at once (the same checks as a request, nothing recorded); every tenth is also
            // really shared, so the approvers' queue is not flooded for the tests that follow.
            Map<String, Object> body = Map.of("recipient", COUNCIL, "concernId", concernId, "purpose", "COORDINATE_RESPONSES",
                    "dataCategories", List.of("IDENTITY", "CONCERN_SUMMARY"), "ground", "RISK_TO_OTHERS",
                    "justification", "Other residents are at risk from the same visitor");
            List<Response> answers = new ArrayList<>();
            answers.add(given().header("Authorization", gateway).contentType(ContentType.JSON).body(body)
                    .post(url(PlatformSettings.SHARING, "/sharing-requests/preview")));
            if (i % 10 == 0) {
                answers.add(given().header("Authorization", gateway).contentType(ContentType.JSON).body(body)
                        .post(url(PlatformSettings.SHARING, "/sharing-requests")));
            }
            for (Response shared : answers) {
                statuses.add(shared.statusCode());
                if (shared.statusCode() == 404 || shared.asString().contains("does not exist")) {
                    notFound.add(concernId);
                }
            }
        }
        System.out.printf("one gate: 100 concerns raised and shared at once: %d answered 'does not exist'%n", notFound.size());
        assertEquals(List.of(), notFound, "every concern just raised could be shared at once");
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201), "each was decided: " + statuses);
        assertEquals(110, statuses.size());
    }

    @Test
    void aChallengeThatReachesTheCouncilIsTheRaisersDecisionAndTheCouncilReadsOnlyWhatItReleased() {
        InventedPerson adult = InventedPerson.named("Iris", "Challenger");
        String raiser = user("care.practitioner");
        String concernId = raise(raiser, adult, "ROUTINE");
        for (String next : List.of("SAFEGUARDING_LEAD", "LOCAL_AUTHORITY")) {
            given().header("Authorization", raiser).contentType(ContentType.JSON)
                    .body(Map.of("reason", "Nobody has acted on this and she is frightened"))
                    .post(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/challenges")).then().statusCode(200)
                    .body("currentStep", org.hamcrest.Matchers.equalTo(next));
        }
        JsonPath read = WhatTheyRead.exactly(COUNCIL, "asc.officer", concernId, Set.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY",
                "RISK_INFORMATION", "HEALTH", "CARE_AND_SUPPORT_NEEDS", "VIEWS_AND_WISHES"), ALLEGED);
        assertEquals(VIEWS, read.getString("viewsAndWishes"));
        JsonPath decided = WhatTheyRead.routeDecision("care.lead", concernId, COUNCIL, "CHALLENGE");
        assertEquals("APPROVED", decided.getString("outcome"));
        assertEquals("SAFEGUARDING_DUTY", decided.getString("ground"));
        assertEquals(List.of("PERSON_ALLEGED_TO_CAUSE_HARM"), decided.getList("withheld.category"));
    }

    @Test
    void aClosureWithoutReferralShowsTheCouncilTheDecisionAndOnlyTheClosureCategories() {
        InventedPerson adult = InventedPerson.named("Mabel", "Closed");
        String concernId = raise(user("care.practitioner"), adult, "ROUTINE");
        String manager = user("care.manager");
        given().header("Authorization", manager).post(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/acknowledgement"))
                .then().statusCode(200);
        given().header("Authorization", manager).contentType(ContentType.JSON).body("""
                        {"section42": {"careAndSupportNeeds": true, "experiencingOrAtRiskOfAbuse": false,
                                       "unableToProtectThemselves": false},
                         "decision": "NO_FURTHER_ACTION", "reasons": "Bruise explained by a fall witnessed by two staff"}""")
                .post(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/triage")).then().statusCode(200)
                .body("closedWithoutReferral", org.hamcrest.Matchers.equalTo(true));
        JsonPath read = WhatTheyRead.exactly(COUNCIL, "asc.officer", concernId,
                Set.of("IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION"), ALLEGED, VIEWS);
        assertEquals("Bruise explained by a fall witnessed by two staff", read.getString("closureReason"));
        assertNull(read.getString("adult.postcode"));
        JsonPath decided = WhatTheyRead.routeDecision("care.lead", concernId, COUNCIL, "CLOSED_WITHOUT_REFERRAL");

        // Who has seen it: the care home's data protection officer and Caldicott guardian see the council's reads, with
        // the categories and the decision they rest on; the adult's subject access export shows them too.
        for (String person : List.of("care.dpo", "care.caldicott")) {
            JsonPath reads = await().atMost(WhatTheyRead.WITHIN).until(() -> given().header("Authorization", user(person))
                    .get(url(PlatformSettings.SHARING, "/access-log?concernId=" + concernId)).then().statusCode(200)
                    .extract().jsonPath(), r -> r.getList("findAll { it.what == 'CONCERN' && it.readerName == 'asc.officer' }")
                    .size() > 0);
            String entry = "find { it.what == 'CONCERN' && it.readerName == 'asc.officer' }";
            assertEquals(COUNCIL, reads.getString(entry + ".readerOrganisation"));
            // The council's case system read it too, as the member of staff it named.
            assertTrue(reads.getList("readerName", String.class).stream()
                    .anyMatch(n -> n.endsWith("via service-account-gateway-northshire-asc")), reads.prettify());
            assertEquals(List.of("IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION"), reads.getList(entry + ".categories"));
            assertTrue(reads.getList(entry + ".decisions", String.class).contains(decided.getString("id")));
        }
        JsonPath export = await().atMost(WhatTheyRead.WITHIN).until(() -> given().header("Authorization", user("care.dpo"))
                .get(url(PlatformSettings.SHARING, "/subject-access?personId=" + read.getString("adult.personId")))
                .then().statusCode(200).extract().jsonPath(), e -> e.getList("seenBy").size() > 0);
        assertTrue(export.getList("seenBy.readerOrganisation", String.class).contains(COUNCIL), "who has seen my information");
    }

    @Test
    void anEmergencyIsOnlyForTheEmergencyServicesAndTheEmergencyCategoriesAndItsUseIsToldAtOnce() {
        InventedPerson adult = InventedPerson.named("Nora", "Urgent");
        String practitioner = user("care.practitioner");
        String concernId = raise(practitioner, adult, "ROUTINE");
        Map<String, String> why = Map.of("threat", "Her son has threatened to come back tonight and hurt her",
                "whyItCouldNotWait", "He is due within the hour and no lead or manager is on site to approve");

        // A one-letter justification is not an emergency's: refused as bad input, nothing decided.
        given().header("Authorization", practitioner).contentType(ContentType.JSON).body(Map.of("recipient", CHARITY,
                        "concernId", concernId, "purpose", "PREVENT_DEATH_OR_SERIOUS_HARM", "dataCategories", List.of("HEALTH"),
                        "emergency", true, "ground", "VITAL_INTERESTS", "justification", "x"))
                .post(url(PlatformSettings.SHARING, "/sharing-requests")).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("emergencyJustification"));

        // A charity with no agreement: not an emergency recipient, so decided as an ordinary request, and refused.
        JsonPath charity = emergency(practitioner, concernId, CHARITY, why, "HEALTH", "CRIMINAL_OFFENCE_INFORMATION",
                "PERSON_ALLEGED_TO_CAUSE_HARM");
        assertEquals("REFUSED", charity.getString("outcome"));
        assertEquals(List.of(), charity.getList("releasedCategories"));
        assertTrue(charity.getString("reasons.find { it.check == 'emergency' }.detail").contains("neither the local authority "
                + "nor an emergency service"), charity.prettify());
        // Another care provider, under the protocol: not an emergency recipient either, so it waits for an approver.
        JsonPath orchard = emergency(practitioner, concernId, ORCHARD, why, "IDENTITY", "RISK_INFORMATION");
        assertEquals("PENDING_APPROVAL", orchard.getString("outcome"));
        // The police: at once, but only the emergency categories.
        JsonPath police = emergency(practitioner, concernId, POLICE, why, "IDENTITY", "RISK_INFORMATION", "HEALTH",
                "PERSON_ALLEGED_TO_CAUSE_HARM");
        assertEquals("APPROVED", police.getString("outcome"));
        assertEquals(List.of("IDENTITY", "RISK_INFORMATION"), police.getList("releasedCategories"));
        assertEquals(List.of("HEALTH", "PERSON_ALLEGED_TO_CAUSE_HARM"), police.getList("withheld.category"));
        assertTrue(police.getString("withheld[0].reason").startsWith("not an emergency category"));
        assertEquals(why.get("threat"), police.getString("emergencyJustification.threat"));

        // The concern was not routed to the police: they read what was disclosed, in sharing-service, not the concern.
        given().header("Authorization", user("police.officer")).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId))
                .then().statusCode(404);
        given().header("Authorization", user("police.officer")).get(url(PlatformSettings.SHARING, "/access-log"))
                .then().statusCode(403);
        // Reading the disclosure's data is a read too.
        String disclosureId = await().atMost(WhatTheyRead.WITHIN).until(() -> given()
                .header("Authorization", Partnership.gateway(POLICE)).get(url(PlatformSettings.SHARING, "/disclosures?size=200"))
                .then().statusCode(200).extract().jsonPath()
                .getString("find { it.requestId == '" + police.getString("id") + "' && it.status == 'MADE' }.id"), id -> id != null);
        JsonPath disclosed = given().header("Authorization", Partnership.gateway(POLICE))
                .get(url(PlatformSettings.SHARING, "/disclosures/" + disclosureId)).then().statusCode(200).extract().jsonPath();
        assertEquals(java.util.Set.of("IDENTITY", "RISK_INFORMATION"), disclosed.getMap("data").keySet());
        assertTrue(!disclosed.prettify().contains(ALLEGED) && !disclosed.prettify().contains(VIEWS), "only what was released");
        assertTrue(given().header("Authorization", user("care.dpo")).get(url(PlatformSettings.SHARING, "/access-log?concernId="
                        + concernId)).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.what == 'DISCLOSURE' }.disclosureId", String.class).contains(disclosureId));
        String personId = given().header("Authorization", practitioner).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId))
                .then().statusCode(200).extract().path("adult.personId");
        JsonPath export = given().header("Authorization", user("care.dpo"))
                .get(url(PlatformSettings.SHARING, "/subject-access?personId=" + personId)).then().statusCode(200).extract().jsonPath();
        assertTrue(export.getList("seenBy.disclosureId", String.class).contains(disclosureId), "who has seen my information");

        // The care home's lead and Caldicott guardian are told of each emergency use at once, and can list them all.
        for (String person : List.of("care.lead", "care.caldicott")) {
            String token = user(person);
            await().atMost(WhatTheyRead.WITHIN).untilAsserted(() -> {
                List<String> subjects = given().header("Authorization", token)
                        .get(url(PlatformSettings.NOTIFICATION, "/inbox?size=200")).then().statusCode(200).extract().jsonPath()
                        .getList("subject", String.class);
                for (JsonPath decision : List.of(charity, orchard, police)) {
                    assertTrue(subjects.contains(decision.getString("id")), person + " is told of " + decision.getString("id"));
                }
            });
            List<String> listed = given().header("Authorization", token)
                    .get(url(PlatformSettings.SHARING, "/sharing-requests?emergency=true&size=200")).then().statusCode(200)
                    .extract().jsonPath().getList("id", String.class);
            for (JsonPath decision : List.of(charity, orchard, police)) {
                assertTrue(listed.contains(decision.getString("id")), person + " lists every emergency use");
            }
        }
        given().header("Authorization", user("care.lead")).get(url(PlatformSettings.SHARING, "/sharing-requests?emergency=maybe"))
                .then().statusCode(400);
    }

    @Test
    void gatewayCallsAreAttributedToTheMemberOfStaffActingAndUnattributedWritesAreRefused() {
        String gateway = Partnership.gateway(MEADOWBANK);
        String chloe = "id=\"cm-204\", name=\"Chloe Marsh\", role=\"practitioner\"";
        String through = "Chloe Marsh (practitioner, cm-204) via service-account-gateway-meadowbank-care";
        String concernId = given().header("Authorization", gateway).header("Acting-Person", chloe).contentType(ContentType.JSON)
                .body(concern(InventedPerson.named("Ada", "Attributed"), "ROUTINE"))
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201)
                .body("raisedBy", org.hamcrest.Matchers.equalTo(through)).extract().path("id");
        given().header("Authorization", user("care.manager")).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/steps"))
                .then().statusCode(200).body("doneBy", org.hamcrest.Matchers.hasItem(through));
        given().header("Authorization", gateway).header("Acting-Person", chloe).contentType(ContentType.JSON)
                .body(Map.of("recipient", COUNCIL, "concernId", concernId, "purpose", "COORDINATE_RESPONSES",
                        "dataCategories", List.of("IDENTITY"), "ground", "RISK_TO_OTHERS",
                        "justification", "Other residents are at risk from the same visitor"))
                .post(url(PlatformSettings.SHARING, "/sharing-requests")).then().statusCode(201)
                .body("requestedBy", org.hamcrest.Matchers.equalTo(through));

        // A write that names no one is refused, and changes nothing.
        given().header("Authorization", gateway).header(ActingPersonFilter.NO_ONE, "yes").contentType(ContentType.JSON)
                .body(concern(InventedPerson.named("Una", "Attributed"), "ROUTINE"))
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Acting-Person"));
        given().header("Authorization", gateway).header("Acting-Person", "Chloe").contentType(ContentType.JSON)
                .body(Map.of("recipient", COUNCIL, "concernId", concernId, "purpose", "COORDINATE_RESPONSES",
                        "dataCategories", List.of("IDENTITY")))
                .post(url(PlatformSettings.SHARING, "/sharing-requests")).then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("Acting-Person"));

        // Whistleblowing through the gateway: the care home's own case system never reads it, whoever raised it.
        String whistle = given().header("Authorization", gateway).header("Acting-Person", chloe).contentType(ContentType.JSON)
                .body(concern(InventedPerson.named("Wanda", "Whistle"), "ROUTINE").replace("\"urgency\"",
                        "\"whistleblowing\": {\"aboutOwnOrganisation\": true}, \"urgency\""))
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201).extract().path("id");
        given().header("Authorization", gateway).get(url(PlatformSettings.CONCERN, "/concerns/" + whistle)).then().statusCode(404);
        assertEquals(through, given().header("Authorization", user("asc.officer"))
                .get(url(PlatformSettings.CONCERN, "/concerns/" + whistle)).then().statusCode(200).extract().path("raisedBy"));
    }

    private static JsonPath emergency(String token, String concernId, String recipient, Map<String, String> why,
                                      String... categories) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("recipient", recipient,
                        "concernId", concernId, "purpose", "PREVENT_DEATH_OR_SERIOUS_HARM", "dataCategories", List.of(categories),
                        "emergency", true, "ground", "VITAL_INTERESTS", "emergencyJustification", why))
                .post(url(PlatformSettings.SHARING, "/sharing-requests")).then().statusCode(201).extract().jsonPath();
    }

    private static String raise(String token, InventedPerson adult, String urgency) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(concern(adult, urgency))
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201).extract().path("id");
    }

    private static String concern(InventedPerson adult, String urgency) {
        return """
                {"adult": %s, "abuseTypes": ["PHYSICAL"], "urgency": "%s", "sourceOfRisk": "KNOWN_TO_INDIVIDUAL",
                 "personAllegedToCauseHarm": {"person": {"givenName": "%s", "familyName": "Harmer"}, "relationship": "Son"},
                 "whatHappened": "Bruising to both arms; she says her son grabbed her.",
                 "viewsAndWishes": "%s", "capacity": {"lackedCapacity": "NO"}}"""
                .formatted(adult.json(), urgency, ALLEGED, VIEWS);
    }
}
