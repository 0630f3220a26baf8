package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static exchange.safeguarding.deploy.system.Partnership.COUNCIL;
import static exchange.safeguarding.deploy.system.Partnership.ORCHARD;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static exchange.safeguarding.deploy.system.Partnership.webhook;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 3, unresponsive manager: at Orchard Home Care nobody triages a concern within the
 * configured response time, so it escalates on its own to the safeguarding lead, and when the lead does not
 * respond either, to the council; the practitioner can also escalate at once, with a reason.
 *
 * <p>Orchard's own safeguarding lead shortens its response times to seconds for the test (no other test relies
 * on Orchard's timings) and puts them back afterwards. The council's step keeps the council's response times.
 */
class Scenario03UnresponsiveManagerIT {

    static final Duration RESPONSE_TIME = Duration.ofSeconds(15);
    /** A step escalates up to one deadline check (15 s) after its response time; allow for a busy machine. */
    static final Duration ESCALATES_WITHIN = RESPONSE_TIME.plusSeconds(15).plusSeconds(30);

    static GatewayReceiver orchard;
    static GatewayReceiver council;
    static JsonNode originalRoute;

    @BeforeAll
    static void orchardsManagersAndLeadHaveSecondsToRespond() {
        orchard = Partnership.gatewayOf(ORCHARD);
        council = Partnership.gatewayOf(COUNCIL);
        JsonNode setup = Partnership.json(given().header("Authorization", user("orchard.lead"))
                .get(url(PlatformSettings.AGREEMENT, "/organisations/" + ORCHARD)).then().statusCode(200).extract().asString());
        originalRoute = setup.path("escalationRoute");
        String seconds = RESPONSE_TIME.toString();
        Map<String, String> fast = Map.of("EMERGENCY", seconds, "URGENT", seconds, "ROUTINE", seconds, "LOW_LEVEL", seconds);
        ArrayNode route = new ObjectMapper().createArrayNode();
        route.add(new ObjectMapper().valueToTree(Map.of("step", "LINE_MANAGER", "responseTimes", fast)));
        route.add(new ObjectMapper().valueToTree(Map.of("step", "SAFEGUARDING_LEAD", "responseTimes", fast)));
        originalRoute.forEach(step -> {
            if (step.path("step").asText().equals("LOCAL_AUTHORITY")) {
                route.add(step);
            }
        });
        changeRoute(setup, route);
    }

    @AfterAll
    static void orchardsResponseTimesBackToHours() {
        if (originalRoute != null) {
            JsonNode setup = Partnership.json(given().header("Authorization", user("orchard.lead"))
                    .get(url(PlatformSettings.AGREEMENT, "/organisations/" + ORCHARD)).then().extract().asString());
            changeRoute(setup, originalRoute);
        }
    }

    /** The whole set-up goes back with the new route: a PUT replaces all three parts. */
    private static void changeRoute(JsonNode current, JsonNode route) {
        ObjectNode setup = new ObjectMapper().createObjectNode();
        setup.set("safeguardingLead", current.path("safeguardingLead"));
        setup.set("whistleblowingPolicy", current.path("whistleblowingPolicy"));
        setup.set("escalationRoute", route);
        given().header("Authorization", user("orchard.lead")).contentType(ContentType.JSON).body(setup.toString())
                .put(url(PlatformSettings.AGREEMENT, "/organisations/" + ORCHARD + "/safeguarding-setup")).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        // concern-service times new concerns from its copy of the route.
        Partnership.awaitReplicated();
    }

    @Test
    void nobodyTriagesSoTheConcernClimbsToTheLeadThenToTheCouncil() {
        Instant raised = Instant.now();
        JsonPath concern = raise("ROUTINE", "Found on the floor at the morning call; says she has not been helped to eat for two days.");
        String concernId = concern.getString("id");
        assertEquals("LINE_MANAGER", concern.getString("currentStep"));
        Duration due = Duration.between(raised, Instant.parse(concern.getString("responseDueAt")));
        assertTrue(due.compareTo(Duration.ofSeconds(30)) < 0, "Orchard's shortened response time applies: " + due);
        assertEquals(1, orchard.await(escalation(concernId, "LINE_MANAGER", "line-manager", "concern.routed.v1"), 1,
                ESCALATES_WITHIN).size(), "Orchard's line managers were told");

        // No one at Orchard acknowledges: the safeguarding lead is told, and the breach announced to Orchard.
        var toLead = orchard.await(escalation(concernId, "SAFEGUARDING_LEAD", "safeguarding-lead", "concern.escalated.v1"), 1,
                ESCALATES_WITHIN);
        assertEquals(1, toLead.size(), "the concern escalated to Orchard's safeguarding lead");
        Partnership.verified(ORCHARD, toLead.get(0));
        Duration leadAfter = Duration.between(raised, toLead.get(0).at());
        assertTrue(leadAfter.compareTo(RESPONSE_TIME) >= 0, "not before the managers' time was up: " + leadAfter);
        var breach = orchard.await(webhook("sla.breached.v1", concernId), 1, ESCALATES_WITHIN);
        assertEquals(1, breach.size(), "Orchard was told its line managers missed the response time");
        assertEquals("LINE_MANAGER", Partnership.verified(ORCHARD, breach.get(0)).path("data").path("step").asText());
        // Still inside Orchard: the council cannot see it yet.
        given().header("Authorization", user("asc.officer")).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId))
                .then().statusCode(404);

        // The lead does not respond either: the council is told, and now owns the concern on its own response time.
        var toCouncil = council.await(escalation(concernId, "LOCAL_AUTHORITY", "la-safeguarding-officer", "concern.escalated.v1"),
                1, ESCALATES_WITHIN.plus(RESPONSE_TIME));
        assertEquals(1, toCouncil.size(), "the concern escalated to the council");
        Partnership.verified(COUNCIL, toCouncil.get(0));
        System.out.printf("scenario 3: unanswered concern reached Orchard's lead after %d ms and the council after %d ms "
                        + "(response time %d s per step, deadline check every 15 s)%n", leadAfter.toMillis(),
                Duration.between(raised, toCouncil.get(0).at()).toMillis(), RESPONSE_TIME.toSeconds());
        assertEquals(1, orchard.await(escalation(concernId, "LOCAL_AUTHORITY", "raiser", "concern.escalated.v1"), 1,
                ESCALATES_WITHIN).size(), "the practitioner who raised it is told it went to the council");

        JsonPath atCouncil = given().header("Authorization", user("asc.officer"))
                .get(url(PlatformSettings.CONCERN, "/concerns/" + concernId)).then().statusCode(200)
                .body("currentStep", equalTo("LOCAL_AUTHORITY")).body("ownerOrganisation", equalTo(COUNCIL))
                .body("status", equalTo("AWAITING_ACKNOWLEDGEMENT")).extract().jsonPath();
        Duration councilHas = Duration.between(Instant.now(), Instant.parse(atCouncil.getString("responseDueAt")));
        assertTrue(councilHas.compareTo(Duration.ofHours(20)) > 0, "the council's own routine response time: " + councilHas);

        // The one gate: the escalation is Orchard's sharing decision on the council's statutory duty, minimised by the
        // protocol; the council reads those categories and nowhere the lodger alleged to cause harm.
        WhatTheyRead.exactly(COUNCIL, "asc.officer", concernId, java.util.Set.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY",
                "RISK_INFORMATION", "HEALTH", "CARE_AND_SUPPORT_NEEDS", "VIEWS_AND_WISHES"), "Sprague", "Lodger");
        JsonPath decided = WhatTheyRead.routeDecision("orchard.lead", concernId, COUNCIL, "ESCALATION");
        assertEquals("SAFEGUARDING_DUTY", decided.getString("ground"));
        assertEquals(List.of("PERSON_ALLEGED_TO_CAUSE_HARM"), decided.getList("withheld.category"));

        List<Map<String, Object>> steps = given().header("Authorization", user("orchard.practitioner"))
                .get(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/steps")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        List<Map<String, Object>> escalations = steps.stream().filter(s -> "ESCALATED".equals(s.get("action"))).toList();
        assertEquals(List.of("SAFEGUARDING_LEAD", "LOCAL_AUTHORITY"), escalations.stream().map(s -> s.get("step")).toList());
        assertEquals("platform (response time passed)", escalations.get(0).get("doneBy"));
        assertTrue(((String) escalations.get(0).get("reason")).startsWith("no response from line manager at " + ORCHARD),
                "the record says why: " + escalations.get(0).get("reason"));
    }

    @Test
    void thePractitionerEscalatesAtOnceWithAReason() {
        JsonPath concern = raise("URGENT", "Carer arrived smelling of alcohol and left after ten minutes; medication not given.");
        String concernId = concern.getString("id");
        String reason = "The manager on duty is the carer's partner; I do not think it will be looked at fairly.";

        // Only the person who raised it may escalate over the manager.
        given().header("Authorization", user("orchard.manager")).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/challenges")).then().statusCode(403);
        Instant challenged = Instant.now();
        given().header("Authorization", user("orchard.practitioner")).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .post(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/challenges")).then().statusCode(200)
                .body("currentStep", equalTo("SAFEGUARDING_LEAD")).body("status", equalTo("AWAITING_ACKNOWLEDGEMENT"));

        var toLead = orchard.await(escalation(concernId, "SAFEGUARDING_LEAD", "safeguarding-lead", "concern.escalated.v1"), 1,
                Duration.ofSeconds(20));
        assertEquals(1, toLead.size(), "Orchard's safeguarding lead was told at once");
        Partnership.verified(ORCHARD, toLead.get(0));
        System.out.printf("scenario 3: practitioner's escalation to the lead's webhook: %d ms%n",
                Duration.between(challenged, toLead.get(0).at()).toMillis());
        assertFalse(toLead.get(0).body().contains("partner"), "the reason stays behind the link");

        // The lead sees it and the reason on record, and takes it on.
        List<Map<String, Object>> steps = given().header("Authorization", user("orchard.lead"))
                .get(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/steps")).then().statusCode(200)
                .extract().jsonPath().getList("$");
        Map<String, Object> challenge = steps.stream().filter(s -> "CHALLENGED".equals(s.get("action"))).findFirst().orElseThrow();
        assertEquals(reason, challenge.get("reason"));
        Map<String, Object> escalated = steps.stream().filter(s -> "ESCALATED".equals(s.get("action"))).findFirst().orElseThrow();
        assertEquals("SAFEGUARDING_LEAD", escalated.get("step"));
        given().header("Authorization", user("orchard.lead")).post(url(PlatformSettings.CONCERN, "/concerns/" + concernId
                + "/acknowledgement")).then().statusCode(200).body("status", equalTo("IN_TRIAGE"));
    }

    private static JsonPath raise(String urgency, String whatHappened) {
        return given().header("Authorization", user("orchard.practitioner")).contentType(ContentType.JSON).body(Map.of(
                        "adult", Map.of("givenName", "Beatrice", "familyName", "Lindqvist", "dateOfBirth", "1940-06-03",
                                "postcode", "NS6 4JJ"),
                        "abuseTypes", List.of("NEGLECT_AND_ACTS_OF_OMISSION"),
                        "location", Map.of("type", "OWN_HOME"),
                        "personAllegedToCauseHarm", Map.of("person", Map.of("givenName", "Rodney", "familyName", "Sprague"),
                                "relationship", "Lodger"),
                        "whatHappened", whatHappened, "urgency", urgency))
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201)
                .body("ownerOrganisation", equalTo(ORCHARD)).body("localAuthority", equalTo(COUNCIL)).extract().jsonPath();
    }

    /** A webhook of the type about this concern, at this step, addressed to this audience. */
    private static Predicate<GatewayReceiver.Received> escalation(String concernId, String step, String audience, String type) {
        return webhook(type, concernId).and(r -> {
            JsonNode data = Partnership.json(r.body()).path("data");
            return step.equals(data.path("step").asText()) && audience.equals(data.path("audience").asText());
        });
    }
}
