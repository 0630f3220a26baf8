package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.ConcernFixtures;
import exchange.safeguarding.concern.ConcernFixtures.Partnership;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.kit.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static exchange.safeguarding.concern.ConcernFixtures.as;
import static exchange.safeguarding.concern.ConcernFixtures.concern;
import static exchange.safeguarding.concern.ConcernFixtures.raise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every workflow path, with the real database and broker and a clock the tests move. */
@QuarkusTest
class ConcernWorkflowTest {

    static final String TEST = "{\"careAndSupportNeeds\": true, \"experiencingOrAtRiskOfAbuse\": true, \"unableToProtectThemselves\": true}";

    @Inject
    ConcernDeadlines deadlines;

    @AfterEach
    void backToNow() {
        TestClock.CLOCK.reset();
    }

    static void post(String auth, String path, String body, int status) {
        given().header("Authorization", auth).contentType(ContentType.JSON).body(body == null ? "" : body)
                .post(path).then().statusCode(status);
    }

    @Test
    void routineConcernGoesToLineManagerIsReferredWithConsentEnquiredIntoAndClosed() {
        Partnership p = ConcernFixtures.partnership();
        String practitioner = as("pat", p.care(), "practitioner");
        String manager = as("mo", p.care(), "line-manager");
        String officer = as("olu", p.council(), "la-safeguarding-officer");
        String id = raise(practitioner, concern("ROUTINE", null, null));

        given().header("Authorization", officer).get("/concerns/" + id).then().statusCode(404);
        post(practitioner, "/concerns/" + id + "/acknowledgement", null, 403);
        post(manager, "/concerns/" + id + "/acknowledgement", null, 200);
        post(manager, "/concerns/" + id + "/acknowledgement", null, 409);
        post(manager, "/concerns/" + id + "/triage", "{\"section42\": " + TEST + ", \"decision\": \"START_ENQUIRY\"}", 422);
        post(manager, "/concerns/" + id + "/triage", "{\"section42\": " + TEST + ", \"decision\": \"REFER_TO_LOCAL_AUTHORITY\", \"reasons\": \"Adult consents to referral\"}", 200);

        given().header("Authorization", officer).get("/concerns/" + id).then().statusCode(200)
                .body("status", equalTo("REFERRED")).body("currentStep", equalTo("LOCAL_AUTHORITY"))
                .body("ownerOrganisation", equalTo(p.council())).body("section42Met", equalTo(true));
        post(manager, "/concerns/" + id + "/acknowledgement", null, 403);
        post(officer, "/concerns/" + id + "/acknowledgement", null, 200);
        post(officer, "/concerns/" + id + "/triage", "{\"section42\": " + TEST + ", \"decision\": \"START_ENQUIRY\"}", 200);
        given().header("Authorization", officer).get("/concerns/" + id).then()
                .body("status", equalTo("UNDER_ENQUIRY")).body("enquiryType", equalTo("SECTION_42")).body("responseDueAt", nullValue());
        post(officer, "/concerns/" + id + "/outcome", "{\"outcome\": \"RISK_IDENTIFIED_ACTION_TAKEN\", \"riskResult\": \"REDUCED\"}", 200);
        post(officer, "/concerns/" + id + "/closure", "{\"reason\": \"Protection plan in place\"}", 200);
        given().header("Authorization", practitioner).get("/concerns/" + id).then()
                .body("status", equalTo("CLOSED")).body("closedWithoutReferral", equalTo(false))
                .body("outcome", equalTo("RISK_IDENTIFIED_ACTION_TAKEN"));
        given().header("Authorization", practitioner).get("/concerns/" + id + "/steps").then()
                .body("action", equalTo(List.of("RAISED", "ROUTED", "ACKNOWLEDGED", "TRIAGED", "REFERRED", "ACKNOWLEDGED",
                        "TRIAGED", "ENQUIRY_STARTED", "OUTCOME_RECORDED", "CLOSED")))
                .body("doneBy[2]", equalTo("mo"));

        var types = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 10, Duration.ofSeconds(20))
                .stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of(ConcernEvents.RAISED, ConcernEvents.ROUTED, ConcernEvents.ACKNOWLEDGED, ConcernEvents.TRIAGED,
                ConcernEvents.REFERRED, ConcernEvents.ACKNOWLEDGED, ConcernEvents.TRIAGED, ConcernEvents.ENQUIRY_STARTED,
                ConcernEvents.OUTCOME_RECORDED, ConcernEvents.CLOSED), types);
    }

    @Test
    void whenTheSection42TestsAreNotAllMetTheAuthorityMakesAnotherEnquiryAndRecordsItsOutcomeBeforeClosing() {
        Partnership p = ConcernFixtures.partnership();
        String officer = as("olu", p.council(), "la-safeguarding-officer");
        String id = raise(as("pat", p.care(), "practitioner"), concern("EMERGENCY", null, null));
        post(officer, "/concerns/" + id + "/acknowledgement", null, 200);
        post(officer, "/concerns/" + id + "/triage", "{\"section42\": {\"careAndSupportNeeds\": true, "
                + "\"experiencingOrAtRiskOfAbuse\": true, \"unableToProtectThemselves\": false}, \"decision\": \"START_ENQUIRY\", "
                + "\"enquiryType\": \"SECTION_42\"}", 400);
        post(officer, "/concerns/" + id + "/triage", "{\"section42\": {\"careAndSupportNeeds\": true, "
                + "\"experiencingOrAtRiskOfAbuse\": true, \"unableToProtectThemselves\": false}, \"decision\": \"START_ENQUIRY\"}", 200);
        given().header("Authorization", officer).get("/concerns/" + id).then()
                .body("enquiryType", equalTo("OTHER_SAFEGUARDING_ENQUIRY")).body("section42Met", equalTo(false));
        post(officer, "/concerns/" + id + "/closure", "{\"reason\": \"done\"}", 409);
        post(officer, "/concerns/" + id + "/outcome", "{\"outcome\": \"NO_RISK_IDENTIFIED_NO_ACTION_TAKEN\", \"riskResult\": \"REMOVED\"}", 200);
        post(officer, "/concerns/" + id + "/closure", "{\"reason\": \"No risk found\"}", 200);
    }

    @Test
    void anEmergencySkipsTheLineManagerAndReachesTheLocalAuthorityAndEmergencyServices() {
        Partnership p = ConcernFixtures.partnership();
        String id = raise(as("pat", p.care(), "practitioner"), concern("EMERGENCY", null, "\"emergencyServicesContacted\": true")
                .replace(", \"emergencyServicesContacted\": false", ""));
        given().header("Authorization", as("olu", p.council(), "la-safeguarding-officer")).get("/concerns/" + id).then()
                .statusCode(200).body("currentStep", equalTo("LOCAL_AUTHORITY")).body("status", equalTo("AWAITING_ACKNOWLEDGEMENT"));
        given().header("Authorization", as("pc", p.police(), "gateway")).get("/concerns/" + id).then().statusCode(200);
        given().header("Authorization", as("para", p.ambulance(), "gateway")).get("/concerns/" + id).then().statusCode(200);
        given().header("Authorization", as("nurse", p.nhs(), "practitioner")).get("/concerns/" + id).then().statusCode(404);

        var routed = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText())
                && ConcernEvents.ROUTED.equals(e.path("type").asText()), 1, Duration.ofSeconds(20)).get(0).path("data");
        assertEquals(List.of(p.ambulance(), p.police()), List.of(routed.path("emergencyServices").get(0).asText(),
                routed.path("emergencyServices").get(1).asText()));
        assertTrue(routed.path("recipients").toString().contains("safeguarding-lead"));
    }

    @Test
    void anUnansweredConcernEscalatesToTheSafeguardingLeadThenTheLocalAuthority() {
        Partnership p = ConcernFixtures.partnership();
        String id = raise(as("pat", p.care(), "practitioner"), concern("ROUTINE", null, null));
        TestClock.CLOCK.advance(Duration.ofHours(23));
        deadlines.escalateOverdue();
        given().header("Authorization", as("mo", p.care(), "line-manager")).get("/concerns/" + id).then()
                .body("currentStep", equalTo("LINE_MANAGER"));

        TestClock.CLOCK.advance(Duration.ofHours(2)); // 25 h: past the line manager's 24 h
        deadlines.escalateOverdue();
        given().header("Authorization", as("lee", p.care(), "safeguarding-lead")).get("/concerns/" + id).then()
                .body("currentStep", equalTo("SAFEGUARDING_LEAD")).body("status", equalTo("AWAITING_ACKNOWLEDGEMENT"));

        TestClock.CLOCK.advance(Duration.ofHours(13)); // past the lead's 12 h
        deadlines.escalateOverdue();
        given().header("Authorization", as("olu", p.council(), "la-safeguarding-officer")).get("/concerns/" + id).then()
                .statusCode(200).body("currentStep", equalTo("LOCAL_AUTHORITY"));
        given().header("Authorization", as("pat", p.care(), "practitioner")).get("/concerns/" + id + "/steps").then()
                .body("action", hasItem("ESCALATED")).body("reason", hasItem(containsString("no response from line manager")));

        TestClock.CLOCK.advance(Duration.ofHours(25)); // the local authority too is late: said once
        deadlines.escalateOverdue();
        deadlines.escalateOverdue();
        var types = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 5, Duration.ofSeconds(20))
                .stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of(ConcernEvents.RAISED, ConcernEvents.ROUTED, ConcernEvents.ESCALATED, ConcernEvents.ESCALATED,
                ConcernEvents.RESPONSE_OVERDUE), types);
    }

    @Test
    void theRaiserCanChallengeOverTheirManagerWithAReason() {
        Partnership p = ConcernFixtures.partnership();
        String raiser = as("pat", p.care(), "practitioner");
        String id = raise(raiser, concern("URGENT", null, null));
        post(as("sam", p.care(), "practitioner"), "/concerns/" + id + "/challenges", "{\"reason\": \"not mine\"}", 403);
        post(raiser, "/concerns/" + id + "/challenges", "{\"reason\": \"\"}", 400);
        post(raiser, "/concerns/" + id + "/challenges", "{\"reason\": \"Manager is a friend of the visitor\"}", 200);
        given().header("Authorization", raiser).get("/concerns/" + id).then().body("currentStep", equalTo("SAFEGUARDING_LEAD"));
    }

    @Test
    void closingWithoutReferralNeedsReasonsIsSeenByTheLocalAuthorityAndCanBeChallenged() {
        Partnership p = ConcernFixtures.partnership();
        String raiser = as("pat", p.care(), "practitioner");
        String manager = as("mo", p.care(), "line-manager");
        String officer = as("olu", p.council(), "la-safeguarding-officer");
        String id = raise(raiser, concern("ROUTINE", null, null));
        post(manager, "/concerns/" + id + "/acknowledgement", null, 200);
        post(manager, "/concerns/" + id + "/triage", "{\"section42\": " + TEST + ", \"decision\": \"NO_FURTHER_ACTION\"}", 400);
        post(manager, "/concerns/" + id + "/closure", "{\"reason\": \" \"}", 400);
        given().header("Authorization", officer).get("/concerns/" + id).then().statusCode(404);
        post(manager, "/concerns/" + id + "/triage", "{\"section42\": " + TEST
                + ", \"decision\": \"NO_FURTHER_ACTION\", \"reasons\": \"Family will keep an eye on her\"}", 200);
        given().header("Authorization", officer).get("/concerns/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedWithoutReferral", equalTo(true))
                .body("closureReason", equalTo("Family will keep an eye on her"));
        var closed = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText())
                && ConcernEvents.CLOSED.equals(e.path("type").asText()), 1, Duration.ofSeconds(20)).get(0);
        assertTrue(closed.path("data").path("recipients").toString().contains("raiser"), "the raiser is told");
        assertTrue(closed.path("data").path("recipients").toString().contains(p.council()), "the local authority is told");

        post(raiser, "/concerns/" + id + "/challenges", "{\"reason\": \"She has new bruises\"}", 200);
        given().header("Authorization", raiser).get("/concerns/" + id).then()
                .body("status", equalTo("AWAITING_ACKNOWLEDGEMENT")).body("currentStep", equalTo("SAFEGUARDING_LEAD"));
    }

    @Test
    void whistleblowingBypassesTheOrganisationsManagementAndHidesTheRaiser() {
        Partnership p = ConcernFixtures.partnership();
        String raiser = as("whistle", p.care(), "practitioner");
        String id = raise(raiser, concern("URGENT", null, "\"whistleblowing\": {\"aboutOwnOrganisation\": true}"));
        String manager = as("mo", p.care(), "line-manager");
        given().header("Authorization", manager).get("/concerns/" + id).then().statusCode(404);
        given().header("Authorization", manager).get("/concerns").then().body("id", not(hasItem(id)));
        given().header("Authorization", as("lee", p.care(), "safeguarding-lead")).get("/concerns/" + id).then()
                .statusCode(200).body("raisedBy", equalTo("withheld (whistleblowing)"));
        given().header("Authorization", as("lee", p.care(), "safeguarding-lead")).get("/concerns/" + id + "/steps").then()
                .body("doneBy[0]", equalTo("withheld (whistleblowing)"));
        given().header("Authorization", raiser).get("/concerns/" + id).then().statusCode(200).body("raisedBy", equalTo("whistle"));
        given().header("Authorization", as("olu", p.council(), "la-safeguarding-officer")).get("/concerns/" + id).then()
                .statusCode(200).body("raisedBy", equalTo("whistle")).body("currentStep", equalTo("LOCAL_AUTHORITY"));

        String implicating = raise(raiser, concern("URGENT", null,
                "\"whistleblowing\": {\"aboutOwnOrganisation\": true, \"implicatesSafeguardingLead\": true}"));
        given().header("Authorization", as("lee", p.care(), "safeguarding-lead")).get("/concerns/" + implicating).then().statusCode(404);
        var routed = EventProbe.await(ConcernEvents.TOPIC, e -> implicating.equals(e.path("subject").asText())
                && ConcernEvents.ROUTED.equals(e.path("type").asText()), 1, Duration.ofSeconds(20)).get(0);
        assertEquals(1, routed.path("data").path("recipients").size(), "only the local authority is told");
        assertTrue(!routed.toString().contains("whistle\""), "the raiser is not named in events");
    }

    @Test
    void nothingTheLocalAuthorityDoesWithAWhistleblowingConcernIsAnnouncedToTheRaisersOrganisation() {
        Partnership p = ConcernFixtures.partnership();
        String raiser = as("whistle", p.care(), "practitioner");
        String officer = as("olu", p.council(), "la-safeguarding-officer");
        String id = raise(raiser, concern("URGENT", null, "\"whistleblowing\": {\"aboutOwnOrganisation\": true}"));
        post(officer, "/concerns/" + id + "/acknowledgement", null, 200);
        post(officer, "/concerns/" + id + "/triage", "{\"section42\": " + TEST + ", \"decision\": \"START_ENQUIRY\"}", 200);
        post(officer, "/concerns/" + id + "/outcome", "{\"outcome\": \"RISK_IDENTIFIED_ACTION_TAKEN\"}", 200);
        post(officer, "/concerns/" + id + "/closure", "{\"reason\": \"Night checks audited\"}", 200);
        post(raiser, "/concerns/" + id + "/challenges", "{\"reason\": \"Still happening\"}", 200);

        var events = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 8, Duration.ofSeconds(20));
        assertEquals(ConcernEvents.ESCALATED, events.get(events.size() - 1).path("type").asText(), "the challenge came last");
        for (var event : events) {
            for (var recipient : event.path("data").path("recipients")) {
                String type = event.path("type").asText();
                // Only the first routing tells the care home, and only its safeguarding lead (who may see the concern).
                boolean leadTold = type.equals(ConcernEvents.ROUTED) && recipient.path("audience").asText().equals("safeguarding-lead");
                assertTrue(leadTold || !recipient.path("organisation").asText().equals(p.care()),
                        type + " is announced to the raising organisation: " + recipient);
            }
        }
        // The challenge at the top reaches the local authority, and the raiser still sees how it ended.
        assertEquals(p.council(), events.get(events.size() - 1).path("data").path("recipients").get(0).path("organisation").asText());
        given().header("Authorization", raiser).get("/concerns/" + id).then().statusCode(200)
                .body("outcome", equalTo("RISK_IDENTIFIED_ACTION_TAKEN"));
    }
}
