package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static exchange.safeguarding.deploy.system.Partnership.COUNCIL;
import static exchange.safeguarding.deploy.system.Partnership.MEADOWBANK;
import static exchange.safeguarding.deploy.system.Partnership.POLICE;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static exchange.safeguarding.deploy.system.Partnership.webhook;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 2, routine: a care-home practitioner's routine concern goes to the home's line managers
 * (and to no one else); the manager triages it and refers it to the council; with the adult's consent the home
 * shares what the council needs, and the council's gateway receives only the categories the partnership's
 * protocol allows for coordinating responses: the adult consented to naming the person alleged to cause harm
 * too, but the protocol does not permit it for this purpose, so it is withheld.
 */
class Scenario02RoutineReferralIT {

    /** What the adult consented to share with the council, and what the home asks to share. */
    static final List<String> ASKED = List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION", "VIEWS_AND_WISHES",
            "PERSON_ALLEGED_TO_CAUSE_HARM");
    /** What the protocol permits of that for COORDINATE_RESPONSES. */
    static final Set<String> PERMITTED = new TreeSet<>(List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION",
            "VIEWS_AND_WISHES"));
    static final Duration WITHIN_SECONDS = Duration.ofSeconds(20);

    static GatewayReceiver careHome;
    static GatewayReceiver council;

    @BeforeAll
    static void gatewaysOfTheCareHomeAndTheCouncil() {
        careHome = Partnership.gatewayOf(MEADOWBANK);
        council = Partnership.gatewayOf(COUNCIL);
        Partnership.gatewayOf(POLICE);
        Partnership.awaitReplicated();
    }

    @Test
    void theManagerRefersWithConsentAndTheCouncilReceivesOnlyWhatTheProtocolAllows() {
        // 1. Raised: it goes to the care home's line managers, with the home's own routine response time.
        Instant raised = Instant.now();
        JsonPath concern = given().header("Authorization", user("care.practitioner")).contentType(ContentType.JSON).body("""
                        {"adult": {"givenName": "Harold", "familyName": "Pemberton", "dateOfBirth": "1938-12-01",
                                   "nhsNumber": "4786579750", "postcode": "NS3 2QU"},
                         "abuseTypes": ["FINANCIAL_OR_MATERIAL", "PSYCHOLOGICAL"],
                         "location": {"type": "CARE_HOME_RESIDENTIAL", "settingName": "Meadowbank Lodge, Oak Wing"},
                         "sourceOfRisk": "KNOWN_TO_INDIVIDUAL",
                         "personAllegedToCauseHarm": {"person": {"givenName": "Trevor", "familyName": "Quennell"},
                                                      "relationship": "Visiting friend"},
                         "whatHappened": "A visiting friend has had him sign three cheques this month; he is frightened to refuse.",
                         "immediateActions": "Cheque book locked away with his agreement.",
                         "urgency": "ROUTINE",
                         "viewsAndWishes": "Wants the council's help to stop it and to keep seeing his other friends.",
                         "capacity": {"lackedCapacity": "NO"}}""")
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201)
                .body("status", equalTo("AWAITING_ACKNOWLEDGEMENT")).body("currentStep", equalTo("LINE_MANAGER"))
                .body("ownerOrganisation", equalTo(MEADOWBANK)).body("localAuthority", equalTo(COUNCIL))
                .extract().jsonPath();
        String concernId = concern.getString("id");
        Duration dueIn = Duration.between(raised, Instant.parse(concern.getString("responseDueAt")));
        assertTrue(dueIn.compareTo(Duration.ofHours(23)) > 0 && dueIn.compareTo(Duration.ofHours(25)) < 0,
                "the line managers have the home's routine response time, a day: " + dueIn);

        var routed = careHome.await(webhook("concern.routed.v1", concernId), 1, WITHIN_SECONDS);
        assertEquals(1, routed.size(), "the care home's gateway was told");
        JsonNode routing = Partnership.verified(MEADOWBANK, routed.get(0)).path("data");
        assertEquals("line-manager", routing.path("audience").asText());
        assertEquals("LINE_MANAGER", routing.path("step").asText());
        System.out.printf("scenario 2: routine concern raised to the care home's line-manager webhook: %d ms%n",
                Duration.between(raised, routed.get(0).at()).toMillis());
        await().atMost(WITHIN_SECONDS).untilAsserted(() -> assertTrue(given().header("Authorization", user("care.manager"))
                .get(url(PlatformSettings.NOTIFICATION, "/inbox?unacknowledged=true")).then().statusCode(200).extract()
                .jsonPath().getList("findAll { it.subject == '" + concernId + "' }.audience").contains("line-manager"),
                "the line manager finds it in the inbox"));
        // Not yet the council's business.
        given().header("Authorization", user("asc.officer")).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId))
                .then().statusCode(404);

        // 2. The manager acknowledges, triages (section 42 test met) and refers it to the council.
        String manager = user("care.manager");
        given().header("Authorization", manager).post(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/acknowledgement"))
                .then().statusCode(200).body("status", equalTo("IN_TRIAGE"));
        Instant referred = Instant.now();
        given().header("Authorization", manager).contentType(ContentType.JSON).body("""
                        {"section42": {"careAndSupportNeeds": true, "experiencingOrAtRiskOfAbuse": true,
                                       "unableToProtectThemselves": true},
                         "decision": "REFER_TO_LOCAL_AUTHORITY", "reasons": "Section 42 test met; he consents to the referral"}""")
                .post(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/triage")).then().statusCode(200)
                .body("status", equalTo("REFERRED")).body("currentStep", equalTo("LOCAL_AUTHORITY"))
                .body("ownerOrganisation", equalTo(COUNCIL)).body("section42Met", equalTo(true));

        var referral = council.await(webhook("concern.referred.v1", concernId), 1, WITHIN_SECONDS);
        assertEquals(1, referral.size(), "the council's gateway was told of the referral");
        assertEquals("la-safeguarding-officer", Partnership.verified(COUNCIL, referral.get(0)).path("data").path("audience").asText());
        System.out.printf("scenario 2: referral to the council's webhook: %d ms%n",
                Duration.between(referred, referral.get(0).at()).toMillis());
        assertTrue(council.received().stream().filter(r -> r.body().contains(concernId)).allMatch(r -> r.at().isAfter(referred)),
                "the council heard nothing of the concern before it was referred");
        given().header("Authorization", user("asc.officer")).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId))
                .then().statusCode(200).body("status", equalTo("REFERRED"));

        // The one gate: the referral is the care home's sharing decision, on the council's statutory duty, minimised by
        // the protocol; the council reads those categories and nowhere the person alleged to cause harm.
        Set<String> referred_ = new TreeSet<>(List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION", "HEALTH",
                "CARE_AND_SUPPORT_NEEDS", "VIEWS_AND_WISHES"));
        JsonPath councilView = WhatTheyRead.exactly(COUNCIL, "asc.officer", concernId, referred_, "Quennell", "Visiting friend");
        assertTrue(councilView.getString("viewsAndWishes").startsWith("Wants the council's help"));
        assertTrue(councilView.getString("access.withheld.find { it.category == 'PERSON_ALLEGED_TO_CAUSE_HARM' }.reason")
                .startsWith("not permitted by"));
        JsonPath referral_ = WhatTheyRead.routeDecision("care.lead", concernId, COUNCIL, "REFERRAL");
        assertEquals("SAFEGUARDING_DUTY", referral_.getString("ground"));
        assertEquals("PUBLIC_TASK_6_1_E", referral_.getString("lawfulBasis.article6"));
        assertEquals("SUBSTANTIAL_PUBLIC_INTEREST_9_2_G", referral_.getString("lawfulBasis.article9"));
        assertEquals("SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18", referral_.getString("lawfulBasis.schedule1"));
        assertEquals(List.of("PERSON_ALLEGED_TO_CAUSE_HARM"), referral_.getList("withheld.category"));

        // 3. The adult's consent, recorded by the manager, then the request to share with the council.
        String personId = concern.getString("adult.personId");
        String consentId = given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of(
                        "adult", Map.of("personId", personId, "givenName", "Harold", "familyName", "Pemberton",
                                "dateOfBirth", "1938-12-01"),
                        "decision", "GIVEN", "purposes", List.of("COORDINATE_RESPONSES"), "recipients", List.of(COUNCIL),
                        "dataCategories", ASKED, "howObtained", "In person, his advocate present",
                        "confidentialityLimitsExplained", true))
                .post(url(PlatformSettings.SHARING, "/consent-records")).then().statusCode(201).extract().path("id");
        JsonPath decision = given().header("Authorization", manager).contentType(ContentType.JSON).body(Map.of(
                        "recipient", COUNCIL, "concernId", concernId, "adult", Map.of("personId", personId),
                        "purpose", "COORDINATE_RESPONSES", "dataCategories", ASKED))
                .post(url(PlatformSettings.SHARING, "/sharing-requests")).then().statusCode(201)
                .body("outcome", equalTo("APPROVED")).body("withoutConsent", equalTo(false))
                .body("consentRecordId", equalTo(consentId)).body("agreement.reference", notNullValue())
                .body("lawfulBasis.article6", equalTo("PUBLIC_TASK_6_1_E"))
                .extract().jsonPath();
        assertEquals(PERMITTED, new TreeSet<>(decision.getList("releasedCategories")));
        assertEquals(List.of("PERSON_ALLEGED_TO_CAUSE_HARM"), decision.getList("withheld.category"));
        assertTrue(decision.getString("withheld[0].reason").startsWith("not permitted by " + decision.getString("agreement.reference")),
                decision.getString("withheld[0].reason"));

        // 4. The council's gateway receives the disclosure; following the link it reads the permitted categories alone.
        // (The referral's own disclosure came earlier; this is the one the request made.)
        String requestId = decision.getString("id");
        var disclosed = council.await(webhook("disclosure.made.v1", requestId), 1, WITHIN_SECONDS);
        assertEquals(1, disclosed.size(), "the council's gateway was told of the disclosure");
        JsonNode made = Partnership.verified(COUNCIL, disclosed.get(0)).path("data");
        Set<String> told = new TreeSet<>();
        made.path("categories").forEach(c -> told.add(c.asText()));
        assertEquals(PERMITTED, told, "the webhook names the categories disclosed");
        assertFalse(disclosed.get(0).body().contains("Pemberton"), "and not the adult's name");
        String link = made.path("links").path("disclosure").asText();
        var read = given().header("Authorization", Partnership.gateway(COUNCIL)).get(link).then().statusCode(200).extract();
        assertEquals(PERMITTED, new TreeSet<>(read.jsonPath().getMap("data").keySet()));
        assertEquals("Pemberton", read.jsonPath().getString("data.IDENTITY.familyName"));
        assertTrue(read.jsonPath().getString("data.VIEWS_AND_WISHES.viewsAndWishes").startsWith("Wants the council's help"));
        assertFalse(read.asString().contains("Quennell"), "nothing about the person alleged to cause harm was disclosed");

        // The care home sees what it sent, not a second copy of the data; another agency cannot see it at all.
        given().header("Authorization", manager).get(url(PlatformSettings.SHARING, "/disclosures/" + made.path("disclosureId").asText()))
                .then().statusCode(200).body("recipient", equalTo(COUNCIL)).body("data", nullValue())
                .body("snapshotSha256", notNullValue());
        given().header("Authorization", Partnership.gateway(POLICE)).get(link).then().statusCode(404);
        assertEquals(0, Partnership.gatewayOf(POLICE).received().stream().filter(r -> r.body().contains(concernId)).count(),
                "the police heard nothing of a routine referral that was not theirs");
    }
}
