package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.support.FhirValidation;
import exchange.safeguarding.sharing.support.Partnership;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ConsentRecordResourceTest {

    final Partnership partnership = new Partnership();
    final String nhs = partnership.organisation("NHS", "NHS_TRUST", "ACTIVE");

    String nurse() {
        return bearer(token("nina", nhs, "practitioner"));
    }

    static String adult(UUID personId) {
        return """
                {"personId": "%s", "nhsNumber": "9434765919", "givenName": "Edith", "familyName": "Clarke",
                 "dateOfBirth": "1941-03-02"}""".formatted(personId);
    }

    String record(String body) {
        return given().header("Authorization", nurse()).contentType(ContentType.JSON).body(body)
                .post("/consent-records").then().statusCode(201).extract().path("id");
    }

    @Test
    void everyKindOfConsentDecisionIsRecordedKeptAndReadableAsValidFhir() {
        UUID person = UUID.randomUUID();
        List<String> ids = List.of(
                record("""
                        {"adult": %s, "decision": "GIVEN", "purposes": ["COORDINATE_RESPONSES"], "recipients": ["%s"],
                         "recipientTypes": ["POLICE"], "dataCategories": ["IDENTITY", "HEALTH"], "expiresOn": "2099-01-01",
                         "howObtained": "In person", "confidentialityLimitsExplained": true}""".formatted(adult(person), nhs)),
                record("""
                        {"adult": %s, "decision": "REFUSED", "purposes": ["EARLY_INTERVENTION"], "howObtained": "By phone",
                         "confidentialityLimitsExplained": true}""".formatted(adult(person))),
                record("""
                        {"adult": %s, "decision": "NOT_SOUGHT", "purposes": ["PREVENT_DEATH_OR_SERIOUS_HARM"],
                         "notSoughtReason": "EMERGENCY", "explanation": "Unconscious", "confidentialityLimitsExplained": false}"""
                        .formatted(adult(person))),
                record("""
                        {"adult": %s, "decision": "LACKS_CAPACITY", "purposes": ["COORDINATE_RESPONSES"],
                         "capacity": {"assessmentReference": "MCA-2026-77", "assessedOn": "2026-11-01",
                           "bestInterestsDecision": "Share with the council to arrange support",
                           "decidedBy": "Dr A Patel", "deciderRole": "Consultant"},
                         "confidentialityLimitsExplained": false}""".formatted(adult(person))));
        String withdrawal = record("""
                {"adult": %s, "decision": "WITHDRAWN", "withdraws": "%s", "howObtained": "Letter",
                 "confidentialityLimitsExplained": true}""".formatted(adult(person), ids.get(0)));

        given().header("Authorization", nurse()).get("/consent-records?personId=" + person).then().statusCode(200)
                .body("decision", containsInAnyOrder("WITHDRAWN", "LACKS_CAPACITY", "NOT_SOUGHT", "REFUSED", "GIVEN"))
                .body("find { it.decision == 'WITHDRAWN' }.purposes", hasItem("COORDINATE_RESPONSES"))
                .body("find { it.decision == 'LACKS_CAPACITY' }.capacity.decidedBy", equalTo("Dr A Patel"));

        for (String id : List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3), withdrawal)) {
            String fhir = given().header("Authorization", nurse()).accept("application/fhir+json")
                    .get("/consent-records/" + id).then().statusCode(200).contentType("application/fhir+json")
                    .body("resourceType", equalTo("Consent")).extract().asString();
            assertThat(FhirValidation.errors(fhir)).as("FHIR R4 validation of " + fhir).isEmpty();
        }
        given().header("Authorization", nurse()).accept("application/fhir+json").get("/consent-records/" + ids.get(0))
                .then().body("status", equalTo("active")).body("provision.type", equalTo("permit"))
                .body("patient.identifier.value", equalTo("9434765919"))
                .body("provision.class.code", containsInAnyOrder("IDENTITY", "HEALTH"));
        given().header("Authorization", nurse()).accept("application/fhir+json").get("/consent-records/" + withdrawal)
                .then().body("status", equalTo("inactive")).body("provision.type", equalTo("deny"));

        var events = EventProbe.await(SharingEvents.TOPIC, e -> ids.get(0).equals(e.path("subject").asText()), 1, Duration.ofSeconds(20));
        assertThat(events.get(0).toString()).doesNotContain("Clarke");
        String police = partnership.organisation("POLICE", "POLICE", "ACTIVE");
        given().header("Authorization", bearer(token("pc", police, "practitioner"))).get("/consent-records/" + ids.get(0))
                .then().statusCode(404);
        given().header("Authorization", bearer(token("pc", police, "practitioner"))).get("/consent-records?personId=" + person)
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void invalidConsentNamesEachFieldAndRecordsNothing() {
        given().header("Authorization", nurse()).contentType(ContentType.JSON).body("""
                        {"adult": {"givenName": "Edith", "familyName": "", "dateOfBirth": "2999-01-01", "nhsNumber": "12"},
                         "decision": "GIVEN", "purposes": ["GOSSIP"]}""")
                .post("/consent-records").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", nurse()).contentType(ContentType.JSON).body("""
                        {"adult": {"givenName": "Edith", "familyName": "", "dateOfBirth": "2999-01-01", "nhsNumber": "12"},
                         "decision": "GIVEN", "purposes": []}""")
                .post("/consent-records").then().statusCode(400)
                .body("errors.field", hasItem("adult.familyName"))
                .body("errors.field", hasItem("adult.dateOfBirth"))
                .body("errors.field", hasItem("adult.nhsNumber"))
                .body("errors.field", hasItem("confidentialityLimitsExplained"));
        UUID person = UUID.randomUUID();
        given().header("Authorization", nurse()).contentType(ContentType.JSON).body("""
                        {"adult": %s, "decision": "GIVEN", "purposes": ["COORDINATE_RESPONSES"],
                         "confidentialityLimitsExplained": false}""".formatted(adult(person)))
                .post("/consent-records").then().statusCode(400)
                .body("errors.field", hasItem("recipients"))
                .body("errors.field", hasItem("dataCategories"))
                .body("errors.field", hasItem("confidentialityLimitsExplained"));
        given().header("Authorization", nurse()).contentType(ContentType.JSON).body("""
                        {"adult": %s, "decision": "LACKS_CAPACITY", "purposes": ["COORDINATE_RESPONSES"],
                         "confidentialityLimitsExplained": false}""".formatted(adult(person)))
                .post("/consent-records").then().statusCode(400).body("errors.field", hasItem("capacity"));
        given().header("Authorization", nurse()).contentType(ContentType.JSON).body("""
                        {"adult": %s, "decision": "WITHDRAWN", "withdraws": "%s", "confidentialityLimitsExplained": true}"""
                        .formatted(adult(person), UUID.randomUUID()))
                .post("/consent-records").then().statusCode(400).body("errors.field", hasItem("withdraws"));
        given().header("Authorization", nurse()).get("/consent-records?personId=" + person).then().body("$", hasSize(0));
    }

    @Test
    void withdrawingConsentTellsEveryOrganisationThatReceivedUnderItAndRecordsWhenEachWasTold() {
        String council = partnership.organisation("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "ACTIVE");
        String police = partnership.organisation("POLICE", "POLICE", "ACTIVE");
        String housing = partnership.organisation("HOUSING", "HOUSING", "ACTIVE");
        for (String recipient : List.of(council, police, housing)) {
            partnership.agreement("ACTIVE", nhs, recipient, "COORDINATE_RESPONSES", List.of("IDENTITY", "CONCERN_SUMMARY"));
        }
        UUID concernId = partnership.concern(nhs, council, "ROUTINE", List.of());
        UUID person = Partnership.personOf(concernId);
        String consent = record("""
                {"adult": %s, "decision": "GIVEN", "purposes": ["COORDINATE_RESPONSES"], "recipients": ["%s", "%s"],
                 "dataCategories": ["IDENTITY", "CONCERN_SUMMARY"], "howObtained": "In person",
                 "confidentialityLimitsExplained": true}""".formatted(adult(person), council, police));
        for (String recipient : List.of(council, police, housing)) {
            given().header("Authorization", nurse()).contentType(ContentType.JSON).body("""
                    {"recipient": "%s", "concernId": "%s", "purpose": "COORDINATE_RESPONSES", "dataCategories": ["IDENTITY"]}"""
                    .formatted(recipient, concernId)).post("/sharing-requests").then().statusCode(201)
                    .body("outcome", equalTo(recipient.equals(housing) ? "REFUSED" : "APPROVED"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", nurse())
                .get("/disclosures?direction=SENT").then().extract().jsonPath()
                .getList("findAll { it.concernId == '" + concernId + "' && it.status == 'MADE' }").size() == 2);

        String withdrawal = record("""
                {"adult": %s, "decision": "WITHDRAWN", "purposes": ["COORDINATE_RESPONSES"], "howObtained": "Phone call",
                 "confidentialityLimitsExplained": true}""".formatted(adult(person)));
        given().header("Authorization", nurse()).get("/consent-records/" + withdrawal + "/withdrawal-notices").then()
                .statusCode(200).body("recipient", containsInAnyOrder(council, police))
                .body("withdrawnConsentId", hasItem(consent));

        var notices = EventProbe.await(SharingEvents.TOPIC, e -> SharingEvents.WITHDRAWAL_NOTICE.equals(e.path("type").asText())
                && withdrawal.equals(e.path("data").path("withdrawalId").asText()), 2, Duration.ofSeconds(20));
        assertThat(notices).extracting(e -> e.path("data").path("recipient").asText()).containsExactlyInAnyOrder(council, police);
        EventProbe.await(SharingEvents.TOPIC, e -> SharingEvents.CONSENT_WITHDRAWN.equals(e.path("type").asText())
                && withdrawal.equals(e.path("subject").asText()), 1, Duration.ofSeconds(20));

        // notification-service reports each delivery; the record then shows when each organisation was told.
        Instant toldAt = Instant.parse("2026-11-24T10:15:30Z");
        for (var notice : notices) {
            Partnership.publish("safeguarding.notifications", notice.path("subject").asText(), "notification.delivered.v1",
                    Map.of("eventId", notice.path("id").asText(), "eventType", SharingEvents.WITHDRAWAL_NOTICE,
                            "organisation", notice.path("data").path("recipient").asText(), "channel", "WEBHOOK",
                            "deliveredAt", toldAt.toString()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", nurse())
                .get("/consent-records/" + withdrawal + "/withdrawal-notices").then()
                .body("toldAt", containsInAnyOrder(toldAt.toString(), toldAt.toString())));

        // A new request under the withdrawn consent is now refused.
        given().header("Authorization", nurse()).contentType(ContentType.JSON).body("""
                {"recipient": "%s", "concernId": "%s", "purpose": "COORDINATE_RESPONSES", "dataCategories": ["IDENTITY"]}"""
                .formatted(council, concernId)).post("/sharing-requests").then().statusCode(201)
                .body("outcome", equalTo("REFUSED"))
                .body("reasons.find { it.check == 'consent' }.detail", org.hamcrest.Matchers.containsString("withdrew consent"));

        // Subject access: everything this organisation decided and disclosed about the adult, with the consent history.
        given().header("Authorization", nurse()).get("/subject-access?personId=" + person).then().statusCode(403);
        given().header("Authorization", bearer(token("dora", nhs, "data-protection-officer")))
                .get("/subject-access?personId=" + person).then().statusCode(200)
                .body("consentHistory.decision", containsInAnyOrder("GIVEN", "WITHDRAWN"))
                .body("decisions", hasSize(4))
                .body("decisions.outcome", containsInAnyOrder("APPROVED", "APPROVED", "REFUSED", "REFUSED"))
                .body("disclosures", hasSize(2))
                .body("disclosures[0].data.IDENTITY", notNullValue())
                .body("disclosures[0].purpose", equalTo("COORDINATE_RESPONSES"));
        given().header("Authorization", bearer(token("dora", nhs, "data-protection-officer")))
                .get("/subject-access").then().statusCode(400);
    }
}
