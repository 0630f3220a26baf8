package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 7, whistleblowing: a care worker at Meadowbank raises a concern about her own line
 * manager. It goes straight to the council, which sees who raised it; inside Meadowbank the line manager,
 * the gateway (the care home's own case system) and its lists never see it, and the safeguarding lead, who
 * is told, sees it without learning who raised it. When the lead is implicated too, only the raiser in the
 * care home knows of it.
 */
class Scenario07WhistleblowingIT {

    static final String CARE_HOME = Partnership.MEADOWBANK;
    static final String COUNCIL = Partnership.COUNCIL;
    static final String RAISER = "care.practitioner";
    static final String WITHHELD = "withheld (whistleblowing)";
    static final Duration PROPAGATION = Duration.ofSeconds(30);

    @BeforeAll
    static void gatewaysOfTheCouncilAndTheCareHome() {
        Partnership.gatewayOf(COUNCIL);
        Partnership.gatewayOf(CARE_HOME);
        Partnership.awaitReplicated();
    }

    @Test
    void aConcernAboutTheRaisersOwnManagerGoesStraightToTheCouncilAndTheCareHomeCannotSeeWhoRaisedIt() {
        String raiser = Partnership.user(RAISER);
        InventedPerson adult = InventedPerson.named("Albert", "Hughes");
        Instant raised = Instant.now();
        JsonPath concern = raiseAboutMyManager(raiser, adult, false);
        String concernId = concern.getString("id");
        assertEquals("LOCAL_AUTHORITY", concern.getString("currentStep"), "no line-manager step");
        assertEquals(COUNCIL, concern.getString("ownerOrganisation"));
        assertEquals("AWAITING_ACKNOWLEDGEMENT", concern.getString("status"));
        assertEquals(RAISER, concern.getString("raisedBy"), "the raiser sees her own name");

        // The council's gateway is told at once, and the council sees who raised it.
        GatewayReceiver.Received routed = SignedWebhooks.awaitOne(COUNCIL, "concern.routed.v1", concernId, PROPAGATION);
        System.out.printf("scenario 7: whistleblowing concern to the council's gateway in %d ms%n", SignedWebhooks.millisSince(raised, routed));
        var data = SignedWebhooks.data(routed);
        assertEquals("la-safeguarding-officer", data.path("audience").asText());
        assertEquals("LOCAL_AUTHORITY", data.path("step").asText());
        assertTrue(data.path("whistleblowing").asBoolean());
        assertNamesNoOne(routed, adult);
        String officer = Partnership.user("asc.officer");
        // The one gate: the whistleblowing route is the care home's sharing decision on the council's statutory duty,
        // minimised by the protocol, which does not release the manager named as causing harm for this purpose.
        JsonPath councilView = WhatTheyRead.exactly(COUNCIL, "asc.officer", concernId, java.util.Set.of("IDENTITY", "CONTACT",
                "CONCERN_SUMMARY", "RISK_INFORMATION", "HEALTH", "CARE_AND_SUPPORT_NEEDS", "VIEWS_AND_WISHES"), "Cooper");
        assertEquals(RAISER, councilView.getString("raisedBy"));
        assertEquals(WHAT_HAPPENED, councilView.getString("whatHappened"));
        // The decision is confidential: the care home, whose management the concern bypasses, does not see it.
        for (String token : List.of(Partnership.user("care.lead"), Partnership.gateway(CARE_HOME))) {
            assertFalse(given().header("Authorization", token).get(Partnership.url(PlatformSettings.SHARING,
                    "/sharing-requests?size=200")).then().statusCode(200).extract().asString().contains(concernId),
                    "the care home's own lists hold no decision about the whistleblowing concern");
        }

        // Meadowbank's safeguarding lead is told in person, in the lead's own inbox (not its line managers, not the
        // care home's case system), and sees the concern but not who raised it.
        String lead = Partnership.user("care.lead");
        await("the routing in the lead's inbox").atMost(PROPAGATION).until(() -> inboxSubjects(lead).contains(concernId));
        assertEquals(List.of("concern.routed.v1"), inboxTypes(lead, concernId));
        String toTheLead = given().header("Authorization", lead).get(Partnership.url(PlatformSettings.NOTIFICATION, "/inbox"))
                .then().statusCode(200).extract().jsonPath().getString("find { it.subject == '" + concernId + "' }.audience");
        assertEquals("safeguarding-lead", toTheLead);
        given().header("Authorization", lead).get(concerns("/concerns/" + concernId)).then().statusCode(200)
                .body("raisedBy", equalTo(WITHHELD));
        List<String> doneBy = given().header("Authorization", lead).get(concerns("/concerns/" + concernId + "/steps"))
                .then().statusCode(200).extract().jsonPath().getList("doneBy");
        assertEquals(WITHHELD, doneBy.get(0), "the history's first step does not name the raiser");
        assertFalse(doneBy.contains(RAISER), "no step names the raiser: " + doneBy);

        // The line manager it is about, and the care home's own case system, cannot see it at all.
        String manager = Partnership.user("care.manager");
        String careHomeSystem = Partnership.gateway(CARE_HOME);
        for (String token : List.of(manager, careHomeSystem)) {
            given().header("Authorization", token).get(concerns("/concerns/" + concernId)).then().statusCode(404);
            given().header("Authorization", token).get(concerns("/concerns/" + concernId + "/steps")).then().statusCode(404);
            assertFalse(listed(token).contains(concernId), "missing from the care home's lists");
        }
        given().header("Authorization", manager).post(concerns("/concerns/" + concernId + "/acknowledgement")).then().statusCode(404);
        assertFalse(inboxSubjects(manager).contains(concernId), "nothing in the line manager's inbox");
        assertFalse(inboxSubjects(careHomeSystem).contains(concernId), "nothing in the inbox as the case system reads it");

        // The council makes its enquiry, records the outcome and closes it; the raiser disagrees and challenges.
        given().header("Authorization", officer).post(concerns("/concerns/" + concernId + "/acknowledgement")).then().statusCode(200)
                .body("status", equalTo("IN_TRIAGE"));
        given().header("Authorization", officer).contentType(ContentType.JSON).body("""
                        {"section42": {"careAndSupportNeeds": true, "experiencingOrAtRiskOfAbuse": true, "unableToProtectThemselves": true},
                         "decision": "START_ENQUIRY", "enquiryType": "SECTION_42"}""")
                .post(concerns("/concerns/" + concernId + "/triage")).then().statusCode(200).body("status", equalTo("UNDER_ENQUIRY"));
        given().header("Authorization", officer).contentType(ContentType.JSON)
                .body("{\"outcome\": \"RISK_IDENTIFIED_ACTION_TAKEN\", \"riskResult\": \"REDUCED\"}")
                .post(concerns("/concerns/" + concernId + "/outcome")).then().statusCode(200);
        given().header("Authorization", officer).contentType(ContentType.JSON).body("{\"reason\": \"Night checks audited; staff retrained\"}")
                .post(concerns("/concerns/" + concernId + "/closure")).then().statusCode(200).body("status", equalTo("CLOSED"));
        given().header("Authorization", raiser).get(concerns("/concerns/" + concernId)).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("RISK_IDENTIFIED_ACTION_TAKEN"));
        given().header("Authorization", raiser).contentType(ContentType.JSON).body("{\"reason\": \"Residents are still left wet at night\"}")
                .post(concerns("/concerns/" + concernId + "/challenges")).then().statusCode(200);
        // The challenge is the concern's last event, told to the council: everything before it has been planned.
        SignedWebhooks.awaitOne(COUNCIL, "concern.escalated.v1", concernId, PROPAGATION);

        // None of it reached the care home's management or its case system: only the lead's first message, in person.
        given().header("Authorization", manager).get(concerns("/concerns/" + concernId)).then().statusCode(404);
        assertFalse(inboxSubjects(manager).contains(concernId), "nothing in the line manager's inbox: " + inboxTypes(manager, concernId));
        assertEquals(List.of("concern.routed.v1"), inboxTypes(lead, concernId), "the lead was told of the routing alone");
        await("nothing is sent to the care home's gateway").during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5)).until(() -> typesSentTo(CARE_HOME, concernId), equalTo(List.of()));
    }

    @Test
    void whenTheSafeguardingLeadIsImplicatedTooOnlyTheRaiserInTheCareHomeKnows() {
        String raiser = Partnership.user(RAISER);
        InventedPerson adult = InventedPerson.named("Violet", "Ingram");
        Instant raised = Instant.now();
        String concernId = raiseAboutMyManager(raiser, adult, true).getString("id");

        GatewayReceiver.Received routed = SignedWebhooks.awaitOne(COUNCIL, "concern.routed.v1", concernId, PROPAGATION);
        System.out.printf("scenario 7: whistleblowing concern implicating the lead to the council's gateway in %d ms%n",
                SignedWebhooks.millisSince(raised, routed));
        given().header("Authorization", Partnership.user("asc.officer")).get(concerns("/concerns/" + concernId)).then().statusCode(200)
                .body("raisedBy", equalTo(RAISER));

        for (String token : List.of(Partnership.user("care.lead"), Partnership.user("care.manager"), Partnership.gateway(CARE_HOME))) {
            given().header("Authorization", token).get(concerns("/concerns/" + concernId)).then().statusCode(404);
            assertFalse(listed(token).contains(concernId));
        }
        given().header("Authorization", raiser).get(concerns("/concerns/" + concernId)).then().statusCode(200);
        // The council's webhook and any to the care home come from the same event; give a late one time to show up.
        assertEquals(List.of(), Partnership.gatewayOf(CARE_HOME).await(r -> r.body().contains(concernId), 1, Duration.ofSeconds(3)),
                "nothing about it reaches the care home's gateway");
        assertFalse(inboxSubjects(Partnership.user("care.lead")).contains(concernId));
    }

    static final String WHAT_HAPPENED = "My manager tells the night staff to leave residents in wet beds and not to write it down.";

    private static JsonPath raiseAboutMyManager(String raiser, InventedPerson adult, boolean leadImplicated) {
        return given().header("Authorization", raiser).contentType(ContentType.JSON).body("""
                        {"adult": %s, "abuseTypes": ["NEGLECT_AND_ACTS_OF_OMISSION", "ORGANISATIONAL"], "urgency": "URGENT",
                         "sourceOfRisk": "SERVICE_PROVIDER",
                         "personAllegedToCauseHarm": {"person": {"givenName": "Colin", "familyName": "Cooper"}, "relationship": "My line manager"},
                         "whatHappened": "%s",
                         "whistleblowing": {"aboutOwnOrganisation": true, "implicatesSafeguardingLead": %s}}"""
                        .formatted(adult.json(), WHAT_HAPPENED, leadImplicated))
                .post(concerns("/concerns")).then().statusCode(201).extract().jsonPath();
    }

    /** A webhook carries ids and codes: never the raiser, the adult or what happened. */
    private static void assertNamesNoOne(GatewayReceiver.Received webhook, InventedPerson adult) {
        for (String secret : List.of(RAISER, "Chloe", "Carter", adult.familyName(), "wet beds")) {
            assertFalse(webhook.body().contains(secret), "the webhook does not carry " + secret);
        }
    }

    private static List<String> listed(String token) {
        return given().header("Authorization", token).queryParam("size", 200).get(concerns("/concerns")).then().statusCode(200)
                .extract().jsonPath().getList("id");
    }

    private static List<String> inboxSubjects(String token) {
        return given().header("Authorization", token).queryParam("size", 200)
                .get(Partnership.url(PlatformSettings.NOTIFICATION, "/inbox")).then().statusCode(200).extract().jsonPath().getList("subject");
    }

    private static List<String> typesSentTo(String organisation, String concernId) {
        return Partnership.gatewayOf(organisation).received().stream().filter(r -> r.body().contains(concernId))
                .map(r -> Partnership.json(r.body()).path("type").asText()).toList();
    }

    private static List<String> inboxTypes(String token, String concernId) {
        return given().header("Authorization", token).queryParam("size", 200)
                .get(Partnership.url(PlatformSettings.NOTIFICATION, "/inbox")).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.subject == '" + concernId + "' }.type");
    }

    static String concerns(String path) {
        return Partnership.url(PlatformSettings.CONCERN, path);
    }
}
