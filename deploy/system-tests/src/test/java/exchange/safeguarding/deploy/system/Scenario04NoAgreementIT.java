package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 4, no agreement: a charity asks to share what it knows about an adult with a housing
 * provider it has no information sharing agreement with, and is refused with the reason. The two sign an
 * agreement, and the very same request is approved and disclosed. Suspending the agreement blocks it again;
 * resuming restores it; terminating it ends it for good (which also leaves the charity without an agreement,
 * as the demo partnership has it, for any test that runs later).
 */
class Scenario04NoAgreementIT {

    static final String CHARITY = Partnership.CHARITY;
    static final String HOMES = Partnership.HOMES;
    static final Duration PROPAGATION = Duration.ofSeconds(30);

    /** The agreement this test creates, terminated afterwards whatever happened. */
    static String agreementId;

    @BeforeAll
    static void gatewaysOfBothOrganisations() {
        Partnership.gatewayOf(CHARITY);
        Partnership.gatewayOf(HOMES);
        Partnership.awaitReplicated();
    }

    @AfterAll
    static void terminateTheAgreementIfTheTestStoppedHalfway() {
        if (agreementId != null) {
            // 409 when the test already terminated it.
            given().header("Authorization", Partnership.user("asc.admin")).contentType(ContentType.JSON)
                    .body(Map.of("reason", "System test finished"))
                    .post(agreements("/agreements/" + agreementId + "/termination"));
        }
    }

    @Test
    void refusedWithoutAnAgreementSharedOnceOneIsSignedAndBlockedAgainWhenItIsSuspendedOrEnded() {
        String practitioner = Partnership.user("charity.practitioner");
        InventedPerson adult = InventedPerson.named("Maureen", "Fairbairn");

        // The charity's own record of its worry about the adult, and her consent to tell her housing provider.
        JsonPath concern = given().header("Authorization", practitioner).contentType(ContentType.JSON).body("""
                        {"adult": %s, "abuseTypes": ["FINANCIAL_OR_MATERIAL"], "urgency": "ROUTINE",
                         "whatHappened": "Says a new lodger takes her pension card and she has no money left for food.",
                         "viewsAndWishes": "Wants her landlord to help her change the locks."}""".formatted(adult.json()))
                .post(concerns("/concerns")).then().statusCode(201).extract().jsonPath();
        String concernId = concern.getString("id");
        given().header("Authorization", practitioner).contentType(ContentType.JSON).body("""
                        {"adult": %s, "decision": "GIVEN", "purposes": ["COORDINATE_RESPONSES"], "recipients": ["%s"],
                         "dataCategories": ["IDENTITY", "CONCERN_SUMMARY", "VIEWS_AND_WISHES"],
                         "howObtained": "In person at the drop-in, with her support worker", "confidentialityLimitsExplained": true}"""
                        .formatted(adult.json(concern.getString("adult.personId")), HOMES))
                .post(sharing("/consent-records")).then().statusCode(201);
        String request = """
                {"recipient": "%s", "concernId": "%s", "purpose": "COORDINATE_RESPONSES",
                 "dataCategories": ["IDENTITY", "CONCERN_SUMMARY", "VIEWS_AND_WISHES"]}""".formatted(HOMES, concernId);
        // sharing-service learns of the concern from concern-service's events.
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(200)).until(() -> preview(practitioner, request).statusCode() == 200);

        // 1. No agreement: refused, with the reason, and nothing reaches the housing provider.
        Instant asked = Instant.now();
        JsonPath refused = ask(practitioner, request);
        assertEquals("REFUSED", refused.getString("outcome"));
        assertEquals(List.of(), refused.getList("releasedCategories"));
        assertEquals("no information sharing agreement names both " + CHARITY + " and " + HOMES, reason(refused, "agreement"));
        assertEquals(List.of("no information sharing agreement covers this sharing"),
                refused.getList("withheld.reason").stream().distinct().toList(), "every category withheld for that reason");
        String refusedId = refused.getString("id");
        var refusal = SignedWebhooks.awaitOne(CHARITY, "sharing.refused.v1", refusedId, PROPAGATION);
        assertEquals("safeguarding-lead", SignedWebhooks.data(refusal).path("audience").asText(),
                "the charity's safeguarding lead is told the request was refused");
        System.out.printf("scenario 4: refusal to the charity's gateway in %d ms%n", SignedWebhooks.millisSince(asked, refusal));
        String homesPractitioner = Partnership.user("homes.practitioner");
        given().header("Authorization", homesPractitioner).get(sharing("/sharing-requests/" + refusedId)).then().statusCode(404);
        given().header("Authorization", Partnership.user("charity.lead")).queryParam("from", CHARITY).queryParam("to", HOMES)
                .queryParam("purpose", "COORDINATE_RESPONSES").queryParam("category", "IDENTITY")
                .get(agreements("/coverage")).then().statusCode(200).body("covered", equalTo(false));

        // 2. The administrator drafts an agreement; one signature is not enough.
        String admin = Partnership.user("asc.admin");
        agreementId = given().header("Authorization", admin).contentType(ContentType.JSON).body(terms())
                .post(agreements("/agreements")).then().statusCode(201).extract().path("agreementId");
        given().header("Authorization", Partnership.user("charity.lead")).contentType(ContentType.JSON)
                .body(Map.of("signatoryName", "Chief Executive of Brighter Days", "signatoryRole", "Chief Executive"))
                .post(agreements("/agreements/" + agreementId + "/versions/1/signatures")).then().statusCode(200)
                .body("status", equalTo("AWAITING_SIGNATURES"));
        JsonPath halfSigned = ask(practitioner, request);
        assertEquals("REFUSED", halfSigned.getString("outcome"), "an agreement awaiting a signature covers nothing");

        // The second signature brings it into force; both parties' gateways hear of it.
        Instant signed = Instant.now();
        JsonPath version = given().header("Authorization", Partnership.user("homes.lead")).contentType(ContentType.JSON)
                .body(Map.of("signatoryName", "Director of Housing Services", "signatoryRole", "Director"))
                .post(agreements("/agreements/" + agreementId + "/versions/1/signatures")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("ACTIVE", version.getString("status"), "in force at the last signature; waiting for " + version.getList("waitingFor"));
        String reference = version.getString("reference");
        for (String party : List.of(CHARITY, HOMES)) {
            var activated = SignedWebhooks.awaitOne(party, "agreement.activated.v1", agreementId, PROPAGATION);
            System.out.printf("scenario 4: agreement.activated.v1 to %s in %d ms%n", party, SignedWebhooks.millisSince(signed, activated));
        }
        awaitOutcome(practitioner, request, "APPROVED");
        System.out.printf("scenario 4: last signature to sharing-service approving: %d ms%n",
                Duration.between(signed, Instant.now()).toMillis());

        // 3. The same request now succeeds, naming the agreement, and the housing provider receives exactly it.
        Instant approvedAt = Instant.now();
        JsonPath approved = ask(practitioner, request);
        assertEquals("APPROVED", approved.getString("outcome"));
        assertEquals(List.of("IDENTITY", "CONCERN_SUMMARY", "VIEWS_AND_WISHES"), approved.getList("releasedCategories"));
        assertEquals(reference + " version 1 is in force between " + CHARITY + " and " + HOMES + " and covers COORDINATE_RESPONSES",
                reason(approved, "agreement"));
        assertTrue(reasonSatisfied(approved, "consent"), "the adult's consent covers it");
        assertFalse(approved.getBoolean("withoutConsent"));
        assertEquals(reference, approved.getString("agreement.reference"));
        assertEquals("PUBLIC_TASK_6_1_E", approved.getString("lawfulBasis.article6"));
        String approvedId = approved.getString("id");
        var disclosed = SignedWebhooks.awaitOne(HOMES, "disclosure.made.v1", approvedId, PROPAGATION);
        System.out.printf("scenario 4: approved request to the housing provider's disclosure webhook in %d ms%n",
                SignedWebhooks.millisSince(approvedAt, disclosed));
        var data = SignedWebhooks.data(disclosed);
        assertEquals(CHARITY, data.path("organisation").asText());
        assertFalse(disclosed.body().contains(adult.familyName()), "the webhook carries a link, not the adult's details");
        JsonPath disclosure = given().header("Authorization", homesPractitioner).get(data.path("links").path("disclosure").asText())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(adult.familyName(), disclosure.getString("data.IDENTITY.familyName"));
        assertEquals(concernId, disclosure.getString("data.CONCERN_SUMMARY.concernId"));
        assertEquals("Wants her landlord to help her change the locks.", disclosure.getString("data.VIEWS_AND_WISHES.viewsAndWishes"));
        assertEquals(Set.of("IDENTITY", "CONCERN_SUMMARY", "VIEWS_AND_WISHES"), disclosure.getMap("data").keySet(),
                "nothing beyond what the agreement and consent allow (no account of what happened)");
        // The charity sees what it sent, not a second copy of the data.
        JsonPath sent = given().header("Authorization", practitioner).get(sharing("/disclosures/" + disclosure.getString("id")))
                .then().statusCode(200).extract().jsonPath();
        assertNull(sent.get("data"));
        assertEquals(disclosure.getString("snapshotSha256"), sent.getString("snapshotSha256"));

        // 4. Suspension: the agreement stays on record, but covers nothing while suspended.
        Instant suspended = Instant.now();
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("reason", "Housing provider's data breach under investigation"))
                .post(agreements("/agreements/" + agreementId + "/suspension")).then().statusCode(200)
                .body("status", equalTo("SUSPENDED"));
        for (String party : List.of(CHARITY, HOMES)) {
            SignedWebhooks.awaitOne(party, "agreement.suspended.v1", agreementId, PROPAGATION);
        }
        awaitOutcome(practitioner, request, "REFUSED");
        System.out.printf("scenario 4: suspension to sharing-service refusing: %d ms%n", Duration.between(suspended, Instant.now()).toMillis());
        JsonPath whileSuspended = ask(practitioner, request);
        assertEquals("REFUSED", whileSuspended.getString("outcome"));
        assertEquals(reference + " version 1 is not in force (SUSPENDED)", reason(whileSuspended, "agreement"));

        // Resumed, it covers the sharing again without anyone signing again.
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("reason", "Investigation closed"))
                .post(agreements("/agreements/" + agreementId + "/resumption")).then().statusCode(200);
        awaitOutcome(practitioner, request, "APPROVED");

        // 5. Terminated, it ends for good.
        given().header("Authorization", admin).contentType(ContentType.JSON).body(Map.of("reason", "The charity's service has closed"))
                .post(agreements("/agreements/" + agreementId + "/termination")).then().statusCode(200);
        awaitOutcome(practitioner, request, "REFUSED");
        JsonPath afterTermination = ask(practitioner, request);
        assertEquals(reference + " version 1 is not in force (TERMINATED)", reason(afterTermination, "agreement"));

        // Only the one approved request ever reached the housing provider.
        List<String> disclosedRequests = given().header("Authorization", homesPractitioner).get(sharing("/disclosures"))
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.organisation == '" + CHARITY + "' }.requestId");
        assertEquals(List.of(approvedId), disclosedRequests);
        for (String id : List.of(refusedId, halfSigned.getString("id"), whileSuspended.getString("id"), afterTermination.getString("id"))) {
            assertEquals(List.of(), SignedWebhooks.received(HOMES, "disclosure.made.v1", id));
        }
    }

    /** Asks to share for real: the decision is recorded whatever it is. */
    private static JsonPath ask(String token, String request) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(request)
                .post(sharing("/sharing-requests")).then().statusCode(201).extract().jsonPath();
    }

    private static io.restassured.response.Response preview(String token, String request) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(request).post(sharing("/sharing-requests/preview"));
    }

    /** sharing-service decides against its replica of the agreements, which follows agreement-service's events. */
    private static void awaitOutcome(String token, String request, String outcome) {
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(100))
                .until(() -> outcome.equals(preview(token, request).then().statusCode(200).extract().path("outcome")));
    }

    private static String reason(JsonPath decision, String check) {
        List<String> details = decision.getList("reasons.findAll { it.check == '" + check + "' }.detail");
        assertEquals(1, details.size(), "one " + check + " reason in " + decision.prettify());
        return details.get(0);
    }

    private static boolean reasonSatisfied(JsonPath decision, String check) {
        return decision.getList("reasons.findAll { it.check == '" + check + "' }.satisfied").equals(List.of(true));
    }

    private static String terms() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return """
                {"title": "Brighter Days and Northshire Homes: tenants at risk",
                 "parties": [{"organisation": "%s", "controllerRelationship": "SEPARATE_CONTROLLERS"},
                             {"organisation": "%s", "controllerRelationship": "SEPARATE_CONTROLLERS"}],
                 "purposes": [{"purpose": "COORDINATE_RESPONSES", "article6Basis": "PUBLIC_TASK_6_1_E",
                               "dataCategories": ["IDENTITY", "CONTACT", "CONCERN_SUMMARY", "VIEWS_AND_WISHES"]}],
                 "retentionPeriod": "P2Y",
                 "retentionAndDeletion": "Deleted two years after the tenancy support ends",
                 "security": "Shared only through the platform; access by role",
                 "dpiaReference": "DPIA-BD-NH-001",
                 "subjectRightsContact": "dpo@brighter-days.example", "breachContact": "breaches@northshire-homes.example",
                 "effectiveFrom": "%s", "reviewDate": "%s"}""".formatted(CHARITY, HOMES, today, today.plusYears(1));
    }

    static String agreements(String path) {
        return Partnership.url(PlatformSettings.AGREEMENT, path);
    }

    static String concerns(String path) {
        return Partnership.url(PlatformSettings.CONCERN, path);
    }

    static String sharing(String path) {
        return Partnership.url(PlatformSettings.SHARING, path);
    }
}
