package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static exchange.safeguarding.deploy.system.Partnership.AMBULANCE;
import static exchange.safeguarding.deploy.system.Partnership.NHS;
import static exchange.safeguarding.deploy.system.Partnership.ORCHARD;
import static exchange.safeguarding.deploy.system.Partnership.awaitReplicated;
import static exchange.safeguarding.deploy.system.Partnership.gatewayOf;
import static exchange.safeguarding.deploy.system.Partnership.json;
import static exchange.safeguarding.deploy.system.Partnership.platform;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static exchange.safeguarding.deploy.system.Partnership.verified;
import static exchange.safeguarding.deploy.system.ScenarioSteps.millisSince;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 9, an agreement's lifecycle: the council's protocol administrator drafts an agreement between
 * Orchard Care and Northshire Ambulance; each party signs for itself and it comes into force; its parties are
 * reminded before its review date; the review is recorded as an amendment, a new version that supersedes the first
 * once signed; and a fixed-term version whose last day passed before its parties had signed it expires instead of
 * coming into force. The parties' gateways are told of each step, and an organisation not party to it of none.
 *
 * <p>Time: agreement dates are days, and agreement-service applies the calendar (effective dates, review notices,
 * lapse, expiry) in a scheduled check run 5 s after it starts and then every {@code agreement.review.check-interval}
 * (1 h). The review notice is due at once here (the review date is inside the three months' notice), so the test
 * restarts agreement-service to have the check run now instead of within the hour. An in-force version reaching the
 * end of its last day cannot be shown without a day passing: the platform has no clock to move, and agreement-service's
 * own tests cover it with one.
 */
class Scenario09AgreementLifecycleIT {

    private static final Duration TOLD_WITHIN = Duration.ofSeconds(30);
    private static final String PATHWAY = "HELP_ACCESS_SUPPORT";
    private static final String LEARNING = "IMPROVE_PRACTICE";

    @Test
    void anAgreementIsDraftedSignedByEachPartyRemindedOfItsReviewAmendedAndExpires() throws Exception {
        GatewayReceiver orchardGateway = gatewayOf(ORCHARD);
        GatewayReceiver ambulanceGateway = gatewayOf(AMBULANCE);
        GatewayReceiver trustGateway = gatewayOf(NHS);
        awaitReplicated();
        String admin = user("asc.admin");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate reviewDate = today.plusMonths(2); // inside the three months' notice before a review
        String title = "Falls and safeguarding referral pathway " + ScenarioSteps.uniqueFamilyName("Orchard");

        // Drafted by the council's protocol administrator: a draft, waiting for both signatures, covering nothing yet.
        JsonPath draft = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(terms(title, List.of(PATHWAY), today, reviewDate, null))
                .post(agreements("")).then().statusCode(201).body("status", equalTo("DRAFT")).body("version", equalTo(1))
                .extract().jsonPath();
        String agreementId = draft.getString("agreementId");
        assertEquals(List.of("signature of " + ORCHARD, "signature of " + AMBULANCE), draft.getList("waitingFor"));
        covered(PATHWAY, null);
        given().header("Authorization", user("nhs.lead")).get(agreements("/" + agreementId)).then().statusCode(404);

        // Each party signs for itself: not a practitioner, not an organisation outside it, not twice.
        sign(agreementId, 1, "ambulance.practitioner").then().statusCode(403);
        sign(agreementId, 1, "nhs.lead").then().statusCode(404);
        sign(agreementId, 1, "orchard.lead").then().statusCode(200).body("status", equalTo("AWAITING_SIGNATURES"))
                .body("waitingFor", equalTo(List.of("signature of " + AMBULANCE)));
        sign(agreementId, 1, "orchard.lead").then().statusCode(409);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(terms(title, List.of(PATHWAY, LEARNING), today, reviewDate, null))
                .put(agreements("/" + agreementId + "/versions/1")).then().statusCode(409); // signed terms are frozen
        long signing = System.nanoTime();
        sign(agreementId, 1, "ambulance.lead").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("waitingFor", equalTo(List.of())).body("signatures.organisation", equalTo(List.of(ORCHARD, AMBULANCE)))
                .body("signatures.signedBy", equalTo(List.of("orchard.lead", "ambulance.lead")));
        for (String party : List.of(ORCHARD, AMBULANCE)) {
            JsonNode activated = told(party, party.equals(ORCHARD) ? orchardGateway : ambulanceGateway,
                    "agreement.activated.v1", agreementId, 1, signing);
            assertEquals("protocol-admin", activated.path("data").path("audience").asText());
            assertEquals(draft.getString("reference"), activated.path("data").path("reference").asText());
        }
        covered(PATHWAY, 1);

        // The review reminder: due now, announced by the calendar check (here: at agreement-service's start).
        given().header("Authorization", admin).get(agreements("/" + agreementId + "/versions/1")).then()
                .body("reviewDueAnnouncedAt", nullValue());
        platform().killService(PlatformSettings.AGREEMENT);
        platform().startService(PlatformSettings.AGREEMENT);
        long restarted = System.nanoTime();
        for (String party : List.of(ORCHARD, AMBULANCE)) {
            JsonNode reminder = told(party, party.equals(ORCHARD) ? orchardGateway : ambulanceGateway,
                    "agreement.review-due.v1", agreementId, 1, restarted);
            assertEquals(reviewDate.toString(), reminder.path("data").path("reviewDate").asText(),
                    "the reminder says by when the review is due");
        }
        given().header("Authorization", user("orchard.lead")).get(agreements("/" + agreementId + "/versions/1")).then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("reviewDueAnnouncedAt", notNullValue());
        given().header("Authorization", user("ambulance.lead")).get(agreements("/" + agreementId + "/history")).then()
                .statusCode(200).body("change", hasItem("review due by " + reviewDate));

        // The review is recorded as an amendment: version 2, with a new review date and a purpose added.
        LocalDate nextReview = today.plusYears(1);
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(terms(title, List.of(PATHWAY, LEARNING), today, nextReview, null))
                .post(agreements("/" + agreementId + "/amendments")).then().statusCode(201)
                .body("version", equalTo(2)).body("status", equalTo("DRAFT"));
        covered(PATHWAY, 1); // version 1 stays in force while version 2 is signed
        covered(LEARNING, null);
        sign(agreementId, 2, "ambulance.lead").then().statusCode(200).body("status", equalTo("AWAITING_SIGNATURES"));
        long amending = System.nanoTime();
        sign(agreementId, 2, "orchard.lead").then().statusCode(200).body("status", equalTo("ACTIVE"));
        for (String party : List.of(ORCHARD, AMBULANCE)) {
            GatewayReceiver gateway = party.equals(ORCHARD) ? orchardGateway : ambulanceGateway;
            told(party, gateway, "agreement.superseded.v1", agreementId, 1, amending);
            told(party, gateway, "agreement.activated.v1", agreementId, 2, amending);
        }
        given().header("Authorization", admin).get(agreements("/" + agreementId + "/versions/1")).then()
                .body("status", equalTo("SUPERSEDED")).body("terms.reviewDate", equalTo(reviewDate.toString()))
                .body("signatures.size()", equalTo(2));
        covered(PATHWAY, 2);
        covered(LEARNING, 2);

        // A fixed-term addendum whose last day passed before the parties signed it expires instead of coming into force;
        // version 2 stays in force.
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(terms(title + " (winter pressures addendum)", List.of(PATHWAY, LEARNING), today.minusDays(30),
                        nextReview, today.minusDays(1)))
                .post(agreements("/" + agreementId + "/amendments")).then().statusCode(201).body("version", equalTo(3));
        sign(agreementId, 3, "orchard.lead").then().statusCode(200);
        long expiring = System.nanoTime();
        sign(agreementId, 3, "ambulance.lead").then().statusCode(200).body("status", equalTo("EXPIRED"))
                .body("activatedAt", nullValue())
                .body("statusReason", containsString("its effective-to date " + today.minusDays(1)));
        for (String party : List.of(ORCHARD, AMBULANCE)) {
            told(party, party.equals(ORCHARD) ? orchardGateway : ambulanceGateway, "agreement.expired.v1", agreementId, 3, expiring);
        }
        given().header("Authorization", admin).get(agreements("/" + agreementId)).then().statusCode(200)
                .body("versions.status", equalTo(List.of("SUPERSEDED", "ACTIVE", "EXPIRED")));
        covered(PATHWAY, 2);
        assertTrue(orchardGateway.received().stream().noneMatch(r -> r.body().contains(agreementId)
                        && json(r.body()).path("type").asText().equals("agreement.activated.v1")
                        && json(r.body()).path("data").path("version").asInt() == 3),
                "the expired version never came into force");

        // The NHS trust is not party to it and was told nothing of it.
        assertTrue(trustGateway.received().stream().noneMatch(r -> r.body().contains(agreementId)),
                "an organisation not party to the agreement hears nothing of it");
    }

    /** The signed webhook of this type about this agreement version at the party's gateway; prints how long it took. */
    private static JsonNode told(String party, GatewayReceiver gateway, String type, String agreementId, int version, long since) {
        var received = gateway.await(r -> {
            JsonNode body = json(r.body());
            return type.equals(body.path("type").asText()) && agreementId.equals(body.path("subject").asText())
                    && body.path("data").path("version").asInt() == version;
        }, 1, TOLD_WITHIN);
        assertEquals(1, received.size(), party + " is told: " + type + " for version " + version);
        System.out.printf("scenario 9: %s (version %d) reached %s after %d ms%n", type, version, party, millisSince(since));
        return verified(party, received.get(0));
    }

    private static io.restassured.response.Response sign(String agreementId, int version, String username) {
        return given().header("Authorization", user(username)).contentType(ContentType.JSON)
                .body(Map.of("signatoryName", "Signatory for " + username, "signatoryRole", "Director of Operations"))
                .post(agreements("/" + agreementId + "/versions/" + version + "/signatures"));
    }

    /** Asks agreement-service whether Orchard may share with the ambulance service for the purpose, and by which version. */
    private static void covered(String purpose, Integer byVersion) {
        JsonPath answer = given().header("Authorization", user("orchard.lead"))
                .queryParam("from", ORCHARD).queryParam("to", AMBULANCE).queryParam("purpose", purpose)
                .queryParam("category", "IDENTITY").queryParam("category", "CONTACT")
                .get(url(PlatformSettings.AGREEMENT, "/coverage")).then().statusCode(200).extract().jsonPath();
        if (byVersion == null) {
            assertEquals(false, answer.getBoolean("covered"), purpose + " is not covered: " + answer.prettify());
        } else {
            assertEquals(true, answer.getBoolean("covered"), purpose + " is covered: " + answer.prettify());
            assertEquals(byVersion, answer.getInt("version"), answer.prettify());
        }
    }

    private static Map<String, Object> terms(String title, List<String> purposes, LocalDate effectiveFrom, LocalDate reviewDate,
                                             LocalDate effectiveTo) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", title);
        terms.put("parties", List.of(Map.of("organisation", ORCHARD, "controllerRelationship", "SEPARATE_CONTROLLERS"),
                Map.of("organisation", AMBULANCE, "controllerRelationship", "SEPARATE_CONTROLLERS")));
        terms.put("purposes", purposes.stream().map(purpose -> Map.of("purpose", purpose, "article6Basis", "PUBLIC_TASK_6_1_E",
                "dataCategories", List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY"))).toList());
        terms.put("retentionPeriod", "P2Y");
        terms.put("retentionAndDeletion", "Kept two years after the referral closes, then deleted securely");
        terms.put("security", "Only over Safeguarding Exchange; access by role");
        terms.put("dpiaReference", "ORCH-NAS-DPIA-01");
        terms.put("subjectRightsContact", "dpo@orchard-care.example");
        terms.put("breachContact", "governance@northshire-ambulance.example");
        terms.put("effectiveFrom", effectiveFrom.toString());
        terms.put("reviewDate", reviewDate.toString());
        terms.put("effectiveTo", effectiveTo == null ? null : effectiveTo.toString());
        return terms;
    }

    private static String agreements(String path) {
        return url(PlatformSettings.AGREEMENT, "/agreements" + path);
    }
}
