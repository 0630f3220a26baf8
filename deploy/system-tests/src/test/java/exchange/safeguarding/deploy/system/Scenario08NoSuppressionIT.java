package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static exchange.safeguarding.deploy.system.Partnership.COUNCIL;
import static exchange.safeguarding.deploy.system.Partnership.NHS;
import static exchange.safeguarding.deploy.system.Partnership.POLICE;
import static exchange.safeguarding.deploy.system.Partnership.awaitReplicated;
import static exchange.safeguarding.deploy.system.Partnership.gatewayOf;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static exchange.safeguarding.deploy.system.Partnership.verified;
import static exchange.safeguarding.deploy.system.Partnership.webhook;
import static exchange.safeguarding.deploy.system.ScenarioSteps.millisSince;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 8, no suppression: a line manager at the NHS trust who closes a practitioner's concern
 * without referring it must say why; without reasons nothing happens. Once closed, the practitioner who raised it
 * and the local authority are both told and the council can read the decision and its reasons; the practitioner
 * challenges it, and it goes over the manager's head to the trust's safeguarding lead.
 */
class Scenario08NoSuppressionIT {

    private static final Map<String, Boolean> SECTION_42_NOT_MET = Map.of("careAndSupportNeeds", true,
            "experiencingOrAtRiskOfAbuse", true, "unableToProtectThemselves", false);
    private static final String REASONS = "Bruise explained by a fall witnessed by two nurses; GP reviewed her the same day";
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(30);

    @Test
    void aManagerCannotQuietlyCloseAConcernAndTheRaiserCanChallengeTheClosure() {
        GatewayReceiver trustGateway = gatewayOf(NHS);
        GatewayReceiver councilGateway = gatewayOf(COUNCIL);
        GatewayReceiver policeGateway = gatewayOf(POLICE);
        awaitReplicated();
        String practitioner = user("nhs.practitioner");
        String manager = user("nhs.manager");
        String officer = user("asc.officer");

        String concernId = given().header("Authorization", practitioner).contentType(ContentType.JSON)
                .body(Map.of("adult", Map.of("givenName", "Winifred", "familyName", ScenarioSteps.uniqueFamilyName("Ashworth"),
                                "dateOfBirth", "1936-08-14", "postcode", "NS3 2JD"),
                        "abuseTypes", List.of("PHYSICAL", "NEGLECT_AND_ACTS_OF_OMISSION"),
                        "location", Map.of("type", "HOSPITAL_ACUTE", "settingName", "Northshire General, ward 7"),
                        "whatHappened", "Large bruise on her hip after a night on the ward; she says no one came when she rang.",
                        "urgency", "URGENT"))
                .post(concerns("")).then().statusCode(201)
                .body("currentStep", equalTo("LINE_MANAGER")).body("localAuthority", equalTo(COUNCIL))
                .extract().path("id");
        // Before any decision the council has no access: it is the closure that brings the concern to it.
        given().header("Authorization", officer).get(concerns("/" + concernId)).then().statusCode(404);
        given().header("Authorization", manager).post(concerns("/" + concernId + "/acknowledgement")).then()
                .statusCode(200).body("status", equalTo("IN_TRIAGE"));
        List<String> historyBefore = actions(concernId, practitioner);

        // No further action without reasons, or with blank ones, is refused as a clear problem, naming the field.
        for (Map<String, Object> unreasoned : List.<Map<String, Object>>of(
                Map.of("section42", SECTION_42_NOT_MET, "decision", "NO_FURTHER_ACTION"),
                Map.of("section42", SECTION_42_NOT_MET, "decision", "NO_FURTHER_ACTION", "reasons", "   "))) {
            given().header("Authorization", manager).contentType(ContentType.JSON).body(unreasoned)
                    .post(concerns("/" + concernId + "/triage")).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400)).body("errors.field", hasItem("reasons"));
        }
        // Closing it directly without a reason is refused the same way.
        for (String unreasoned : List.of("{}", "{\"reason\": \"\"}")) {
            given().header("Authorization", manager).contentType(ContentType.JSON).body(unreasoned)
                    .post(concerns("/" + concernId + "/closure")).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("errors.field", hasItem("reason"));
        }
        // ...and nothing changed: still in triage, open, no decision in its history, still unseen by the council.
        given().header("Authorization", practitioner).get(concerns("/" + concernId)).then().statusCode(200)
                .body("status", equalTo("IN_TRIAGE")).body("closedAt", nullValue()).body("section42Met", nullValue())
                .body("closedWithoutReferral", equalTo(false));
        assertEquals(historyBefore, actions(concernId, practitioner), "the refused attempts left no trace in the history");
        given().header("Authorization", officer).get(concerns("/" + concernId)).then().statusCode(404);

        // With reasons, the manager may close it.
        long closing = System.nanoTime();
        given().header("Authorization", manager).contentType(ContentType.JSON)
                .body(Map.of("section42", SECTION_42_NOT_MET, "decision", "NO_FURTHER_ACTION", "reasons", REASONS))
                .post(concerns("/" + concernId + "/triage")).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedWithoutReferral", equalTo(true))
                .body("closureReason", equalTo(REASONS));

        // The raiser's organisation is told, addressed to the raiser; the council is told, addressed to its officers.
        JsonNode toRaiser = told(trustGateway, NHS, concernId, closing, "the practitioner who raised it");
        assertEquals("raiser", toRaiser.path("data").path("audience").asText());
        assertEquals("CLOSED", toRaiser.path("data").path("status").asText());
        JsonNode toCouncil = told(councilGateway, COUNCIL, concernId, closing, "the local authority");
        assertEquals("la-safeguarding-officer", toCouncil.path("data").path("audience").asText());
        assertFalse(toCouncil.toString().contains("witnessed"), "webhooks carry no free-text reasons; they are fetched");
        // The practitioner sees it in the trust's inbox too.
        await("the raiser's inbox shows the closure").atMost(Duration.ofSeconds(10)).until(() ->
                given().header("Authorization", practitioner).get(url(PlatformSettings.NOTIFICATION, "/inbox?size=200"))
                        .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("")
                        .stream().anyMatch(m -> concernId.equals(m.get("subject")) && "concern.closed.v1".equals(m.get("type"))));

        // The council follows the link and reads the decision: closed without referral, why, and by whom.
        given().header("Authorization", officer).get(toCouncil.path("data").path("links").path("concern").asText())
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closedWithoutReferral", equalTo(true))
                .body("closureReason", equalTo(REASONS));
        JsonPath history = given().header("Authorization", officer).get(concerns("/" + concernId + "/steps"))
                .then().statusCode(200).extract().jsonPath();
        int closure = history.getList("action").indexOf("CLOSED_WITHOUT_REFERRAL");
        assertTrue(closure >= 0, "the history records the closure without referral: " + history.getList("action"));
        assertEquals("nhs.manager", history.getString("[" + closure + "].doneBy"));
        assertEquals(REASONS, history.getString("[" + closure + "].reason"));
        // An organisation with no part in it still cannot see it, and was told nothing.
        given().header("Authorization", user("police.officer")).get(concerns("/" + concernId)).then().statusCode(404);
        assertTrue(policeGateway.received().stream().noneMatch(r -> r.body().contains(concernId)),
                "the police were told nothing about a concern that is not theirs");

        // Only the raiser may challenge; a challenge needs a reason; then it goes over the manager's head.
        String challenge = "She has a new bruise and says nobody asked her what happened";
        given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of("reason", challenge))
                .post(concerns("/" + concernId + "/challenges")).then().statusCode(403);
        given().header("Authorization", practitioner).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post(concerns("/" + concernId + "/challenges")).then().statusCode(400);
        long challenging = System.nanoTime();
        given().header("Authorization", practitioner).contentType(ContentType.JSON).body(Map.of("reason", challenge))
                .post(concerns("/" + concernId + "/challenges")).then().statusCode(200)
                .body("status", equalTo("AWAITING_ACKNOWLEDGEMENT")).body("currentStep", equalTo("SAFEGUARDING_LEAD"))
                .body("ownerOrganisation", equalTo(NHS));
        var escalated = trustGateway.await(webhook("concern.escalated.v1", concernId), 1, TOLD_WITHIN);
        assertEquals(1, escalated.size(), "the trust's gateway is told the concern was escalated to its safeguarding lead");
        System.out.printf("scenario 8: challenge to the trust's escalation webhook: %d ms%n", millisSince(challenging));
        assertEquals("safeguarding-lead", verified(NHS, escalated.get(0)).path("data").path("audience").asText());
        given().header("Authorization", user("nhs.lead")).post(concerns("/" + concernId + "/acknowledgement"))
                .then().statusCode(200).body("status", equalTo("IN_TRIAGE"));
        List<String> after = actions(concernId, practitioner);
        assertEquals(List.of("CHALLENGED", "ESCALATED", "ACKNOWLEDGED"), after.subList(after.size() - 3, after.size()));
    }

    /** The concern.closed webhook to this organisation, verified; prints how long after the closure it arrived. */
    private static JsonNode told(GatewayReceiver gateway, String organisation, String concernId, long since, String who) {
        var received = gateway.await(webhook("concern.closed.v1", concernId), 1, TOLD_WITHIN);
        assertEquals(1, received.size(), who + " (" + organisation + ") is told the concern was closed");
        System.out.printf("scenario 8: closure to %s's webhook: %d ms%n", organisation, millisSince(since));
        return verified(organisation, received.get(0));
    }

    private static List<String> actions(String concernId, String token) {
        return given().header("Authorization", token).get(concerns("/" + concernId + "/steps")).then().statusCode(200)
                .extract().jsonPath().getList("action");
    }

    private static String concerns(String path) {
        return url(PlatformSettings.CONCERN, "/concerns" + path);
    }
}
