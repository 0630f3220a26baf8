package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 5, consent refused for a serious crime: an NHS trust's nurse learns that a lodger is
 * assaulting and robbing an adult; she refuses consent to tell the police. The trust's safeguarding lead
 * overrides on the public interest, recording the balancing as structured answers; the Caldicott guardian
 * (not the lead who asked) approves; the police receive exactly the released categories. The adult is then
 * told, or, where telling her would put her at more risk, the lead records an exemption with the reason.
 */
class Scenario05ConsentRefusedSeriousCrimeIT {

    static final String NHS = Partnership.NHS;
    static final String POLICE = Partnership.POLICE;
    /** The protocol's purpose for sharing with the police about crime; it permits offence data and the alleged person. */
    static final String PURPOSE = "IDENTIFY_RISK_AND_REDUCE_OFFENDING";
    static final List<String> CATEGORIES = List.of("IDENTITY", "RISK_INFORMATION", "CRIMINAL_OFFENCE_INFORMATION",
            "PERSON_ALLEGED_TO_CAUSE_HARM");
    static final Duration PROPAGATION = Duration.ofSeconds(30);

    /** The agreement's lawful basis for the purpose, as agreement-service states it. */
    static String agreementArticle6;
    static String agreementCriminalOffenceCondition;

    @BeforeAll
    static void theProtocolCoversTheTrustSharingWithThePolice() {
        Partnership.gatewayOf(NHS);
        Partnership.gatewayOf(POLICE);
        Partnership.awaitReplicated();
        var coverage = given().header("Authorization", Partnership.user("nhs.lead")).queryParam("from", NHS).queryParam("to", POLICE)
                .queryParam("purpose", PURPOSE).queryParam("category", CATEGORIES.toArray())
                .get(Partnership.url(PlatformSettings.AGREEMENT, "/coverage")).then().statusCode(200).extract().jsonPath();
        assertTrue(coverage.getBoolean("covered"), "the demo protocol covers this sharing: " + coverage.prettify());
        agreementArticle6 = coverage.getString("lawfulBasis.article6Basis");
        agreementCriminalOffenceCondition = coverage.getString("lawfulBasis.criminalOffenceCondition");
    }

    @Test
    void theLeadOverridesTheRefusalOnThePublicInterestAndTheAdultIsToldAfterwards() {
        InventedPerson adult = InventedPerson.named("Doreen", "Ashcroft");
        Overridden overridden = overriddenAndApproved(adult, "Says the lodger hits her when she will not hand over her pension, "
                + "and that he has done the same to the tenant upstairs.");

        // The trust must tell her what was shared, and the task stays open until someone records it.
        String nurse = Partnership.user("nhs.practitioner");
        Map<String, Object> task = openInformTask(nurse, overridden.requestId());
        Instant due = Instant.parse((String) task.get("dueAt"));
        assertTrue(Duration.between(overridden.approvedAt().plus(Duration.ofDays(5)), due).abs().toSeconds() < 60,
                "due five days after the sharing (the default); due " + due);
        var taskDue = SignedWebhooks.awaitOne(NHS, "inform-the-person.due.v1", overridden.requestId(), PROPAGATION);
        assertEquals("safeguarding-lead", SignedWebhooks.data(taskDue).path("audience").asText());

        JsonPath informed = given().header("Authorization", nurse).contentType(ContentType.JSON)
                .body(Map.of("how", "Told in person on the ward, with her advocate present", "informedAt", Instant.now().minusSeconds(60).toString()))
                .post(sharing("/inform-the-person/" + task.get("id") + "/informed")).then().statusCode(200).extract().jsonPath();
        assertEquals("INFORMED", informed.getString("status"));
        assertEquals("nhs.practitioner", informed.getString("recordedBy"));
        assertFalse(openTaskIds(nurse).contains((String) task.get("id")), "no longer waiting to be done");

        // Her subject access export shows the refusal, the override with its balancing, what the police got, and
        // that she was told.
        JsonPath export = subjectAccess(overridden.personId());
        assertEquals(List.of("REFUSED"), export.getList("consentHistory.decision"));
        assertEquals(List.of("REFUSED", "APPROVED"), outcomesOldestFirst(export));
        String overrideInExport = "decisions.find { it.id == '" + overridden.requestId() + "' }";
        assertEquals("SERIOUS_CRIME_PUBLIC_INTEREST", export.getString(overrideInExport + ".ground"));
        assertEquals("nhs.lead", export.getString(overrideInExport + ".requestedBy"));
        assertEquals("nhs.caldicott", export.getString(overrideInExport + ".decidedBy"));
        assertEquals(true, export.getBoolean(overrideInExport + ".publicInterest.publicInterestOutweighsConfidentiality"));
        assertEquals("HIGH", export.getString(overrideInExport + ".publicInterest.likelihoodOfHarm"));
        assertEquals(List.of("INFORMED"), export.getList("informThePerson.status"));
        assertEquals("Told in person on the ward, with her advocate present", export.getString("informThePerson[0].howInformed"));
        assertEquals(List.of(POLICE), export.getList("disclosures.recipient"));
        assertEquals(adult.familyName(), export.getString("disclosures[0].data.IDENTITY.familyName"));
        assertChainIntact();
    }

    @Test
    void tellingTheAdultWouldIncreaseTheRiskSoTheLeadRecordsAnExemption() {
        InventedPerson adult = InventedPerson.named("Irene", "Blackwood");
        Overridden overridden = overriddenAndApproved(adult, "The lodger lives with her, reads her post and takes her phone; "
                + "she is afraid he will find out anything she says.");

        String nurse = Partnership.user("nhs.practitioner");
        String taskId = (String) openInformTask(nurse, overridden.requestId()).get("id");
        String exemption = """
                {"reason": "WOULD_INCREASE_RISK_TO_ADULT",
                 "explanation": "He controls her post and phone; a letter or call about the disclosure would reach him first."}""";
        // An exemption is a lead's (or Caldicott guardian's, or the local authority's) decision, not the nurse's.
        given().header("Authorization", nurse).contentType(ContentType.JSON).body(exemption)
                .post(sharing("/inform-the-person/" + taskId + "/exemption")).then().statusCode(403);
        JsonPath exempted = given().header("Authorization", Partnership.user("nhs.lead")).contentType(ContentType.JSON).body(exemption)
                .post(sharing("/inform-the-person/" + taskId + "/exemption")).then().statusCode(200).extract().jsonPath();
        assertEquals("EXEMPTED", exempted.getString("status"));
        assertEquals("WOULD_INCREASE_RISK_TO_ADULT", exempted.getString("exemptionReason"));
        assertEquals("nhs.lead", exempted.getString("recordedBy"));
        assertFalse(exempted.getBoolean("overdue"));
        // Closed for good: nobody can later record her as told, or exempt her again.
        given().header("Authorization", nurse).contentType(ContentType.JSON).body(Map.of("how", "By letter"))
                .post(sharing("/inform-the-person/" + taskId + "/informed")).then().statusCode(409);

        JsonPath export = subjectAccess(overridden.personId());
        assertEquals(List.of("EXEMPTED"), export.getList("informThePerson.status"));
        assertEquals("WOULD_INCREASE_RISK_TO_ADULT", export.getString("informThePerson[0].exemptionReason"));
        assertTrue(export.getString("informThePerson[0].explanation").startsWith("He controls her post"));
        assertChainIntact();
    }

    record Overridden(String personId, String requestId, Instant approvedAt) {
    }

    /**
     * The shared first half of the scenario: the concern, the refusal of consent, a request the refusal stops,
     * the lead's override with the public-interest balancing, and the Caldicott guardian's approval, after which
     * the police hold exactly the released categories.
     */
    private static Overridden overriddenAndApproved(InventedPerson adult, String whatHappened) {
        String nurse = Partnership.user("nhs.practitioner");
        InventedPerson lodger = InventedPerson.named("Wayne", "Kettering");
        JsonPath concern = given().header("Authorization", nurse).contentType(ContentType.JSON).body("""
                        {"adult": %s, "abuseTypes": ["PHYSICAL", "FINANCIAL_OR_MATERIAL"], "urgency": "URGENT",
                         "sourceOfRisk": "KNOWN_TO_INDIVIDUAL",
                         "personAllegedToCauseHarm": {"person": %s, "relationship": "Lodger"},
                         "whatHappened": "%s", "viewsAndWishes": "Does not want the police involved; frightened of him."}"""
                        .formatted(adult.json(), lodger.json(), whatHappened))
                .post(concerns("/concerns")).then().statusCode(201).extract().jsonPath();
        String concernId = concern.getString("id");
        String personId = concern.getString("adult.personId");

        // She refuses consent to share with the police, and the refusal is respected by default.
        given().header("Authorization", nurse).contentType(ContentType.JSON).body("""
                        {"adult": %s, "decision": "REFUSED", "purposes": ["%s"],
                         "howObtained": "Asked in private on the ward", "confidentialityLimitsExplained": true,
                         "explanation": "Afraid the lodger will retaliate if the police come"}""".formatted(adult.json(personId), PURPOSE))
                .post(sharing("/consent-records")).then().statusCode(201);
        String plain = request(concernId, "");
        await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(200)).until(() -> preview(nurse, plain).statusCode() == 200);
        JsonPath respected = ask(nurse, plain);
        assertEquals("REFUSED", respected.getString("outcome"));
        assertTrue(reason(respected, "consent").startsWith("the adult refused consent for " + PURPOSE), respected.prettify());

        // A balancing that does not find for the public interest does not make the ground out.
        String lead = Partnership.user("nhs.lead");
        JsonPath weak = preview(lead, request(concernId, override(false))).then().statusCode(200).extract().jsonPath();
        assertEquals("REFUSED", weak.getString("outcome"));
        assertEquals("the balancing recorded does not find that the public interest outweighs confidentiality",
                reason(weak, "ground for sharing without consent"));

        // The lead overrides: pending approval, every reason given, the balancing kept as answered.
        Instant overridden = Instant.now();
        JsonPath pending = ask(lead, request(concernId, override(true)));
        String requestId = pending.getString("id");
        assertEquals("PENDING_APPROVAL", pending.getString("outcome"));
        assertTrue(pending.getBoolean("withoutConsent"));
        assertTrue(reason(pending, "consent").startsWith("the adult refused consent for " + PURPOSE));
        assertEquals("SERIOUS_CRIME_PUBLIC_INTEREST made out for " + CATEGORIES
                        + " (public interest outweighs confidentiality; likelihood of harm HIGH)",
                reason(pending, "ground for sharing without consent"));
        assertEquals("sharing without consent needs approval by a safeguarding lead or Caldicott guardian of " + NHS,
                reason(pending, "approval"));
        assertEquals(Map.of("crimeOrHarmToPrevent", "Assault and theft, and the same against another tenant",
                        "seriousCrime", true, "likelihoodOfHarm", "HIGH", "harmIfNotShared", "Further assaults on her and on other tenants",
                        "consentSought", true, "lessIntrusiveMeansConsidered", true, "publicInterestOutweighsConfidentiality", true),
                pending.getMap("publicInterest"));
        assertEquals(agreementArticle6, pending.getString("lawfulBasis.article6"), "the agreement's basis for the purpose");
        assertEquals(agreementCriminalOffenceCondition, pending.getString("lawfulBasis.criminalOffenceCondition"),
                "offence data is released under the agreement's condition");

        var askedToApprove = SignedWebhooks.awaitOne(NHS, "sharing.pending-approval.v1", requestId, PROPAGATION);
        assertEquals("safeguarding-lead", SignedWebhooks.data(askedToApprove).path("audience").asText());
        System.out.printf("scenario 5: override to the trust's approval webhook in %d ms%n", SignedWebhooks.millisSince(overridden, askedToApprove));
        String guardian = Partnership.user("nhs.caldicott");
        assertTrue(given().header("Authorization", guardian).queryParam("outcome", "PENDING_APPROVAL").get(sharing("/sharing-requests"))
                .then().statusCode(200).extract().jsonPath().getList("id").contains(requestId), "in the approval queue");
        // Nothing has left yet, and the police cannot see the request.
        assertEquals(List.of(), SignedWebhooks.received(POLICE, "disclosure.made.v1", requestId));
        given().header("Authorization", Partnership.user("police.lead")).get(sharing("/sharing-requests/" + requestId)).then().statusCode(404);

        // Approval: never by the one who asked, never by a practitioner; the Caldicott guardian approves.
        given().header("Authorization", lead).contentType(ContentType.JSON).body("{}")
                .post(sharing("/sharing-requests/" + requestId + "/approval")).then().statusCode(422);
        given().header("Authorization", nurse).contentType(ContentType.JSON).body("{}")
                .post(sharing("/sharing-requests/" + requestId + "/approval")).then().statusCode(403);
        Instant approvedAt = Instant.now();
        JsonPath approved = given().header("Authorization", guardian).contentType(ContentType.JSON)
                .body(Map.of("note", "Balancing reviewed: serious crime, high risk to her and another tenant"))
                .post(sharing("/sharing-requests/" + requestId + "/approval")).then().statusCode(200).extract().jsonPath();
        assertEquals("APPROVED", approved.getString("outcome"));
        assertEquals("nhs.caldicott", approved.getString("decidedBy"));
        assertEquals(CATEGORIES, approved.getList("releasedCategories"));

        // The police receive the disclosure, and read exactly what was released.
        var disclosed = SignedWebhooks.awaitOne(POLICE, "disclosure.made.v1", requestId, PROPAGATION);
        System.out.printf("scenario 5: approval to the police's disclosure webhook in %d ms%n", SignedWebhooks.millisSince(approvedAt, disclosed));
        assertFalse(disclosed.body().contains(adult.familyName()) || disclosed.body().contains(lodger.familyName()),
                "the webhook names no one");
        JsonPath disclosure = given().header("Authorization", Partnership.gateway(POLICE))
                .get(SignedWebhooks.data(disclosed).path("links").path("disclosure").asText())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(CATEGORIES, disclosure.getList("categories"));
        assertEquals(adult.familyName(), disclosure.getString("data.IDENTITY.familyName"));
        assertEquals(lodger.familyName(), disclosure.getString("data.PERSON_ALLEGED_TO_CAUSE_HARM.familyName"));
        assertEquals(whatHappened, disclosure.getString("data.RISK_INFORMATION.whatHappened"));
        assertEquals(Map.of(), disclosure.getMap("data.CRIMINAL_OFFENCE_INFORMATION"), "the trust's record holds none; that is the answer");
        assertNull(disclosure.get("data.VIEWS_AND_WISHES"), "not requested, not released");
        return new Overridden(personId, requestId, approvedAt);
    }

    /** The public-interest balancing as structured answers; {@code outweighs} is the conclusion. */
    private static String override(boolean outweighs) {
        return """
                , "ground": "SERIOUS_CRIME_PUBLIC_INTEREST",
                "justification": "Repeated assault and theft by a lodger who is doing the same to another tenant; police action is needed to stop it.",
                "publicInterest": {"crimeOrHarmToPrevent": "Assault and theft, and the same against another tenant",
                  "seriousCrime": true, "likelihoodOfHarm": "HIGH", "harmIfNotShared": "Further assaults on her and on other tenants",
                  "consentSought": true, "lessIntrusiveMeansConsidered": true, "publicInterestOutweighsConfidentiality": %s}"""
                .formatted(outweighs);
    }

    private static String request(String concernId, String override) {
        return """
                {"recipient": "%s", "concernId": "%s", "purpose": "%s",
                 "dataCategories": ["IDENTITY", "RISK_INFORMATION", "CRIMINAL_OFFENCE_INFORMATION", "PERSON_ALLEGED_TO_CAUSE_HARM"]%s}"""
                .formatted(POLICE, concernId, PURPOSE, override);
    }

    private static Map<String, Object> openInformTask(String token, String requestId) {
        List<Map<String, Object>> tasks = given().header("Authorization", token).queryParam("status", "OPEN")
                .get(sharing("/inform-the-person")).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.requestId == '" + requestId + "' }");
        assertEquals(1, tasks.size(), "one open inform-the-person task for the sharing without consent");
        return tasks.get(0);
    }

    private static List<String> openTaskIds(String token) {
        return given().header("Authorization", token).queryParam("status", "OPEN").get(sharing("/inform-the-person"))
                .then().statusCode(200).extract().jsonPath().getList("id");
    }

    private static JsonPath subjectAccess(String personId) {
        return given().header("Authorization", Partnership.user("nhs.caldicott")).queryParam("personId", personId)
                .get(sharing("/subject-access")).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> outcomesOldestFirst(JsonPath export) {
        List<Map<String, Object>> decisions = new java.util.ArrayList<>(export.getList("decisions"));
        decisions.sort(java.util.Comparator.comparing(d -> Instant.parse((String) d.get("requestedAt"))));
        return decisions.stream().map(d -> (String) d.get("outcome")).toList();
    }

    private static void assertChainIntact() {
        given().header("Authorization", Partnership.user("nhs.caldicott")).get(sharing("/decision-log/verification"))
                .then().statusCode(200).body("intact", equalTo(true));
    }

    private static JsonPath ask(String token, String request) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(request)
                .post(sharing("/sharing-requests")).then().statusCode(201).extract().jsonPath();
    }

    private static Response preview(String token, String request) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(request).post(sharing("/sharing-requests/preview"));
    }

    private static String reason(JsonPath decision, String check) {
        List<String> details = decision.getList("reasons.findAll { it.check == '" + check + "' }.detail");
        assertEquals(1, details.size(), "one " + check + " reason in " + decision.prettify());
        return details.get(0);
    }

    static String concerns(String path) {
        return Partnership.url(PlatformSettings.CONCERN, path);
    }

    static String sharing(String path) {
        return Partnership.url(PlatformSettings.SHARING, path);
    }
}
