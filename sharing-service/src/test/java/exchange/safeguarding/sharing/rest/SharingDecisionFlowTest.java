package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.kit.testing.TestClock;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.support.ConcernServiceStandIn;
import exchange.safeguarding.sharing.support.Partnership;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** Sharing requests end to end inside the service: replicas from real events, decisions, approvals, disclosures. */
@QuarkusTest
class SharingDecisionFlowTest {

    static final List<String> AGREED = List.of("IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION");

    final Partnership partnership = new Partnership();
    final String care = partnership.organisation("CARE", "CARE_PROVIDER", "ACTIVE");
    final String council = partnership.organisation("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "ACTIVE");

    @AfterEach
    void reset() {
        ConcernServiceStandIn.DOWN.set(false);
        TestClock.CLOCK.reset();
    }

    String practitioner() {
        return bearer(token("pat-" + care, care, "practitioner"));
    }

    String lead() {
        return bearer(token("lee-" + care, care, "safeguarding-lead"));
    }

    static String consentGiven(UUID personId, String recipient, List<String> categories) {
        return """
                {"adult": {"personId": "%s", "givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
                 "decision": "GIVEN", "purposes": ["COORDINATE_RESPONSES"], "recipients": ["%s"],
                 "dataCategories": %s, "howObtained": "In person, daughter present",
                 "confidentialityLimitsExplained": true}""".formatted(personId, recipient, json(categories));
    }

    static String share(String recipient, UUID concernId, List<String> categories, String extra) {
        return """
                {"recipient": "%s", "concernId": "%s", "purpose": "COORDINATE_RESPONSES", "dataCategories": %s %s}"""
                .formatted(recipient, concernId, json(categories), extra == null ? "" : ", " + extra);
    }

    static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    JsonPath receivedDisclosure(String recipientToken, String requestId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> received = given().header("Authorization", recipientToken)
                    .get("/disclosures?direction=RECEIVED").then().statusCode(200).extract().jsonPath().getList("$");
            return received.stream().filter(d -> requestId.equals(d.get("requestId"))).findFirst()
                    .map(d -> given().header("Authorization", recipientToken).get("/disclosures/" + d.get("id"))
                            .then().statusCode(200).extract().jsonPath()).orElse(null);
        }, java.util.Objects::nonNull);
    }

    @Test
    void consentIsFoundByWhicheverIdentifierTheRequestCarriesAndOnlyForThatAdult() {
        partnership.agreement("ACTIVE", care, council, "COORDINATE_RESPONSES", AGREED);
        UUID personId = UUID.randomUUID();
        given().header("Authorization", practitioner()).contentType(ContentType.JSON).body("""
                        {"adult": {"personId": "%s", "nhsNumber": "9434765919", "givenName": "Edith", "familyName": "Clarke",
                           "dateOfBirth": "1941-03-02"},
                         "decision": "GIVEN", "purposes": ["COORDINATE_RESPONSES"], "recipients": ["%s"],
                         "dataCategories": ["IDENTITY"], "howObtained": "In person", "confidentialityLimitsExplained": true}"""
                        .formatted(personId, council))
                .post("/consent-records").then().statusCode(201);

        Map<String, String> sameAdult = Map.of(
                "by person id", "{\"personId\": \"%s\"}".formatted(personId),
                "by NHS number", "{\"nhsNumber\": \"9434765919\"}",
                "by name and date of birth, any case", "{\"givenName\": \"EDITH\", \"familyName\": \"clarke\", \"dateOfBirth\": \"1941-03-02\"}");
        sameAdult.forEach((how, adult) -> assertThat(previewOutcome(adult)).as(how).isEqualTo("APPROVED on consent"));

        Map<String, String> someoneElse = Map.of(
                "another person id", "{\"personId\": \"%s\"}".formatted(UUID.randomUUID()),
                "another NHS number", "{\"nhsNumber\": \"4010232137\"}",
                "another date of birth", "{\"givenName\": \"Edith\", \"familyName\": \"Clarke\", \"dateOfBirth\": \"1941-03-03\"}",
                "another given name", "{\"givenName\": \"Edna\", \"familyName\": \"Clarke\", \"dateOfBirth\": \"1941-03-02\"}");
        someoneElse.forEach((how, adult) -> assertThat(previewOutcome(adult)).as(how).isEqualTo("REFUSED"));
    }

    /** The dry run's outcome for the adult, and whether consent was its basis. */
    String previewOutcome(String adult) {
        JsonPath decision = given().header("Authorization", practitioner()).contentType(ContentType.JSON).body("""
                        {"recipient": "%s", "adult": %s, "purpose": "COORDINATE_RESPONSES", "dataCategories": ["IDENTITY"]}"""
                        .formatted(council, adult))
                .post("/sharing-requests/preview").then().statusCode(200).extract().jsonPath();
        String outcome = decision.getString("outcome");
        return "APPROVED".equals(outcome) && !decision.getBoolean("withoutConsent") ? "APPROVED on consent" : outcome;
    }

    @Test
    void withConsentAndAnAgreementOnlyTheAgreedCategoriesReachTheRecipientAndNobodyElse() {
        partnership.agreement("ACTIVE", care, council, "COORDINATE_RESPONSES", AGREED);
        UUID concernId = partnership.concern(care, council, "ROUTINE", List.of());
        UUID personId = Partnership.personOf(concernId);
        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(consentGiven(personId, council, List.of("IDENTITY", "CONCERN_SUMMARY", "HEALTH")))
                .post("/consent-records").then().statusCode(201);

        String requestId = given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(share(council, concernId, List.of("IDENTITY", "CONCERN_SUMMARY", "HEALTH", "RISK_INFORMATION"), null))
                .post("/sharing-requests").then().statusCode(201)
                .body("outcome", equalTo("APPROVED"))
                .body("releasedCategories", contains("IDENTITY", "CONCERN_SUMMARY"))
                .body("withheld.category", contains("RISK_INFORMATION", "HEALTH"))
                .body("withheld.find { it.category == 'HEALTH' }.reason", containsString("not permitted by"))
                .body("withheld.find { it.category == 'RISK_INFORMATION' }.reason", containsString("not covered by the adult's consent"))
                .body("lawfulBasis.article6", equalTo("PUBLIC_TASK_6_1_E"))
                .body("withoutConsent", equalTo(false))
                .extract().path("id");

        String officer = bearer(token("olu-" + council, council, "la-safeguarding-officer"));
        JsonPath disclosure = receivedDisclosure(officer, requestId);
        Map<String, Object> data = disclosure.getMap("data");
        assertThat(data).containsOnlyKeys("IDENTITY", "CONCERN_SUMMARY");
        assertThat(disclosure.getString("snapshotSha256")).hasSize(64);
        String disclosureId = disclosure.getString("id");
        assertThat(ConcernServiceStandIn.CALLS).anyMatch(c -> c.contains(concernId.toString())
                && c.contains("category=CONCERN_SUMMARY") && !c.contains("HEALTH"));

        // The discloser sees what it sent, not the data again; a third organisation sees nothing.
        given().header("Authorization", practitioner()).get("/disclosures/" + disclosureId).then().statusCode(200)
                .body("data", nullValue()).body("status", equalTo("MADE"));
        String police = partnership.organisation("POLICE", "POLICE", "ACTIVE");
        String stranger = bearer(token("pc", police, "practitioner"));
        given().header("Authorization", stranger).get("/disclosures/" + disclosureId).then().statusCode(404);
        given().header("Authorization", stranger).get("/sharing-requests/" + requestId).then().statusCode(404);
        given().header("Authorization", stranger).get("/disclosures?direction=RECEIVED").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem(disclosureId)));

        var events = EventProbe.await(SharingEvents.TOPIC, e -> SharingEvents.DISCLOSURE_MADE.equals(e.path("type").asText())
                && disclosureId.equals(e.path("data").path("disclosureId").asText()), 1, Duration.ofSeconds(20));
        assertThat(events.get(0).path("data").path("recipient").asText()).isEqualTo(council);
        assertThat(events.get(0).toString()).doesNotContain("Clarke");
    }

    @Test
    void noAgreementIsRefusedThenAnActiveAgreementAllowsItAndSuspensionBlocksItAgain() {
        UUID concernId = partnership.concern(care, council, "ROUTINE", List.of());
        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(consentGiven(Partnership.personOf(concernId), council, AGREED)).post("/consent-records").then().statusCode(201);
        String body = share(council, concernId, List.of("IDENTITY"), null);

        // A dry run gives the same decision and records nothing.
        given().header("Authorization", practitioner()).contentType(ContentType.JSON).body(body)
                .post("/sharing-requests/preview").then().statusCode(200).body("outcome", equalTo("REFUSED"));
        given().header("Authorization", practitioner()).get("/sharing-requests").then().body("size()", equalTo(0));

        String refused = given().header("Authorization", practitioner()).contentType(ContentType.JSON).body(body)
                .post("/sharing-requests").then().statusCode(201)
                .body("outcome", equalTo("REFUSED"))
                .body("reasons.find { it.check == 'agreement' }.detail", containsString("no information sharing agreement names both"))
                .extract().path("id");
        // The refusal is visible to the local authority (the concern's) and can be challenged by it.
        String officer = bearer(token("olu", council, "la-safeguarding-officer"));
        given().header("Authorization", officer).get("/sharing-requests/" + refused).then().statusCode(200);

        var agreement = partnership.agreement("ACTIVE", care, council, "COORDINATE_RESPONSES", AGREED);
        given().header("Authorization", practitioner()).contentType(ContentType.JSON).body(body)
                .post("/sharing-requests").then().statusCode(201).body("outcome", equalTo("APPROVED"))
                .body("agreement.reference", equalTo(agreement.reference())).body("agreement.version", equalTo(1));

        partnership.agreementVersion(agreement.agreementId(), agreement.versionId(), 1, "SUSPENDED", care, council,
                "COORDINATE_RESPONSES", AGREED);
        given().header("Authorization", practitioner()).contentType(ContentType.JSON).body(body)
                .post("/sharing-requests").then().statusCode(201).body("outcome", equalTo("REFUSED"))
                .body("reasons.find { it.check == 'agreement' }.detail", containsString("is not in force (SUSPENDED)"));

        // A challenge to the first refusal, upheld once an agreement is back in force, decides it afresh.
        String challenge = given().header("Authorization", officer).contentType(ContentType.JSON)
                .body("{\"reason\": \"The adult is at risk; we need this for the enquiry\"}")
                .post("/sharing-requests/" + refused + "/challenges").then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");
        partnership.agreementVersion(agreement.agreementId(), agreement.versionId(), 1, "ACTIVE", care, council,
                "COORDINATE_RESPONSES", AGREED);
        given().header("Authorization", lead()).contentType(ContentType.JSON)
                .body("{\"upheld\": true, \"reason\": \"Agreement reinstated\"}")
                .post("/sharing-requests/" + refused + "/challenges/" + challenge + "/resolution").then().statusCode(200)
                .body("outcome", equalTo("APPROVED"));
    }

    @Test
    void overridingARefusalNeedsAnotherApproverAndThePersonIsInformedOrExempted() {
        partnership.agreement("ACTIVE", care, council, "COORDINATE_RESPONSES", AGREED);
        UUID concernId = partnership.concern(care, council, "ROUTINE", List.of());
        given().header("Authorization", practitioner()).contentType(ContentType.JSON).body("""
                {"adult": {"personId": "%s", "givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
                 "decision": "REFUSED", "purposes": ["COORDINATE_RESPONSES"], "howObtained": "In person",
                 "confidentialityLimitsExplained": true}""".formatted(Partnership.personOf(concernId)))
                .post("/consent-records").then().statusCode(201);
        String balancing = """
                "ground": "SERIOUS_CRIME_PUBLIC_INTEREST", "justification": "Carer is suspected of defrauding several residents",
                "publicInterest": {"crimeOrHarmToPrevent": "Fraud", "seriousCrime": true, "likelihoodOfHarm": "HIGH",
                  "harmIfNotShared": "Further losses", "consentSought": true, "lessIntrusiveMeansConsidered": true,
                  "publicInterestOutweighsConfidentiality": true}""";

        String id = given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(share(council, concernId, List.of("IDENTITY", "RISK_INFORMATION"), balancing))
                .post("/sharing-requests").then().statusCode(201)
                .body("outcome", equalTo("PENDING_APPROVAL"))
                .body("reasons.find { it.check == 'consent' }.detail", containsString("refused consent"))
                .body("publicInterest.likelihoodOfHarm", equalTo("HIGH"))
                .extract().path("id");

        given().header("Authorization", practitioner()).contentType(ContentType.JSON).body("{}")
                .post("/sharing-requests/" + id + "/approval").then().statusCode(403);
        given().header("Authorization", lead()).get("/sharing-requests?outcome=PENDING_APPROVAL").then().statusCode(200)
                .body("id", hasItem(id));
        given().header("Authorization", lead()).contentType(ContentType.JSON).body("{\"note\": \"Proportionate\"}")
                .post("/sharing-requests/" + id + "/approval").then().statusCode(200)
                .body("outcome", equalTo("APPROVED")).body("decidedBy", equalTo("lee-" + care));
        given().header("Authorization", lead()).contentType(ContentType.JSON).body("{}")
                .post("/sharing-requests/" + id + "/approval").then().statusCode(409);

        // A lead cannot approve their own override.
        String own = given().header("Authorization", lead()).contentType(ContentType.JSON)
                .body(share(council, concernId, List.of("IDENTITY"), balancing))
                .post("/sharing-requests").then().statusCode(201).extract().path("id");
        given().header("Authorization", lead()).contentType(ContentType.JSON).body("{}")
                .post("/sharing-requests/" + own + "/approval").then().statusCode(422);

        String task = given().header("Authorization", practitioner()).get("/inform-the-person?status=OPEN").then()
                .statusCode(200).extract().jsonPath().param("id", id).getString("find { it.requestId == id }.id");
        assertThat(task).isNotNull();
        TestClock.CLOCK.advance(Duration.ofDays(6));
        given().header("Authorization", practitioner()).get("/inform-the-person?overdue=true").then().statusCode(200)
                .body("id", hasItem(task)).body("find { it.id == '" + task + "' }.overdue", equalTo(true));
        EventProbe.await(SharingEvents.TOPIC, e -> SharingEvents.INFORM_OVERDUE.equals(e.path("type").asText())
                && task.equals(e.path("data").path("taskId").asText()), 1, Duration.ofSeconds(30));

        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body("{\"reason\": \"WOULD_INCREASE_RISK_TO_ADULT\", \"explanation\": \"The carer reads her post\"}")
                .post("/inform-the-person/" + task + "/exemption").then().statusCode(403);
        given().header("Authorization", lead()).contentType(ContentType.JSON)
                .body("{\"reason\": \"WOULD_INCREASE_RISK_TO_ADULT\", \"explanation\": \"The carer reads her post\"}")
                .post("/inform-the-person/" + task + "/exemption").then().statusCode(200)
                .body("status", equalTo("EXEMPTED")).body("recordedBy", equalTo("lee-" + care));
        given().header("Authorization", lead()).contentType(ContentType.JSON).body("{\"how\": \"Letter\"}")
                .post("/inform-the-person/" + task + "/informed").then().statusCode(409);
    }

    @Test
    void aDisclosureWaitsWhileConcernServiceIsDownAndIsMadeWhenItReturns() {
        partnership.agreement("ACTIVE", care, council, "COORDINATE_RESPONSES", AGREED);
        UUID concernId = partnership.concern(care, council, "ROUTINE", List.of());
        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(consentGiven(Partnership.personOf(concernId), council, AGREED)).post("/consent-records").then().statusCode(201);
        ConcernServiceStandIn.DOWN.set(true);
        String id = given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(share(council, concernId, List.of("IDENTITY"), null))
                .post("/sharing-requests").then().statusCode(201).body("outcome", equalTo("APPROVED")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", practitioner())
                .get("/disclosures?direction=SENT").then().extract().jsonPath()
                .getString("find { it.requestId == '" + id + "' }.lastError") != null);
        given().header("Authorization", practitioner()).get("/disclosures?direction=SENT").then()
                .body("find { it.requestId == '" + id + "' }.status", equalTo("PREPARING"));
        ConcernServiceStandIn.DOWN.set(false);
        JsonPath made = receivedDisclosure(bearer(token("olu", council, "la-safeguarding-officer")), id);
        assertThat(made.getMap("data")).containsOnlyKeys("IDENTITY");
    }

    @Test
    void badRequestsAreNamedProblemsAndChangeNothing() {
        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body("{\"recipient\": \"\", \"purpose\": \"GOSSIP\", \"dataCategories\": []}")
                .post("/sharing-requests").then().statusCode(400)
                .contentType("application/problem+json");
        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body("{\"recipient\": \"%s\", \"purpose\": \"COORDINATE_RESPONSES\", \"dataCategories\": [\"IDENTITY\"]}".formatted(council))
                .post("/sharing-requests").then().statusCode(400).body("errors.field", hasItem("adult"));
        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(share(care, UUID.randomUUID(), List.of("IDENTITY"), null))
                .post("/sharing-requests").then().statusCode(400).body("errors.field", hasItem("recipient"));
        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(share(council, UUID.randomUUID(), List.of("IDENTITY"), null))
                .post("/sharing-requests").then().statusCode(404);
        given().header("Authorization", practitioner()).contentType(ContentType.JSON)
                .body(share(council, UUID.randomUUID(), List.of("IDENTITY"), "\"ground\": \"RISK_TO_OTHERS\""))
                .post("/sharing-requests").then().statusCode(400).body("errors.field", hasItem("justification"));
        given().header("Authorization", practitioner()).get("/sharing-requests?outcome=MAYBE").then().statusCode(400);
        given().header("Authorization", bearer(token("aud", care, "auditor"))).contentType(ContentType.JSON)
                .body(share(council, UUID.randomUUID(), List.of("IDENTITY"), null))
                .post("/sharing-requests").then().statusCode(403);
        given().get("/sharing-requests").then().statusCode(401);
        given().header("Authorization", practitioner()).get("/sharing-requests").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
