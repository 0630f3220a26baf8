package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.repository.KnownOrganisationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ConsentRecordResourceTest {

    static final String NHS = "NORTHSHIRE-NHS";

    @Inject
    KnownOrganisationRepository organisations;

    static String consent(String decision) {
        return """
                {"adult": {"givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
                 "decision": "%s", "purposes": ["coordinate-responses"],
                 "howObtained": "In person", "confidentialityLimitsExplained": true}""".formatted(decision);
    }

    @Test
    void aConsentDecisionIsRecordedAnnouncedAndVisibleOnlyToItsOrganisation() {
        String nurse = bearer(token("nina", NHS, "practitioner"));
        String id = given().header("Authorization", nurse).contentType(ContentType.JSON).body(consent("GIVEN"))
                .when().post("/consent-records").then().statusCode(201)
                .body("decision", equalTo("GIVEN")).body("recordedBy", equalTo("nina"))
                .extract().path("id");

        var events = EventProbe.await(SharingEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 1, Duration.ofSeconds(20));
        assertEquals(SharingEvents.CONSENT_RECORDED, events.get(0).path("type").asText());
        assertFalse(events.get(0).toString().contains("Clarke"), "names do not travel in events");

        given().header("Authorization", nurse).get("/consent-records/" + id).then().statusCode(200);
        given().header("Authorization", bearer(token("pc", "NORTHSHIRE-POLICE", "practitioner")))
                .get("/consent-records/" + id).then().statusCode(404);
    }

    @Test
    void invalidConsentNamesEachField() {
        given().header("Authorization", bearer(token("nina", NHS, "practitioner"))).contentType(ContentType.JSON)
                .body("""
                        {"adult": {"givenName": "Edith", "familyName": "", "dateOfBirth": "2999-01-01"},
                         "decision": "GIVEN", "purposes": []}""")
                .when().post("/consent-records").then().statusCode(400)
                .body("errors.field", hasItem("adult.familyName"))
                .body("errors.field", hasItem("adult.dateOfBirth"))
                .body("errors.field", hasItem("purposes"))
                .body("errors.field", hasItem("confidentialityLimitsExplained"));
    }

    @Test
    void registeredOrganisationsAreReplicatedOnceEach() {
        String code = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/agreement-service",
                 "type":"organisation.registered.v1","time":"%s","subject":"%s",
                 "data":{"code":"%s","name":"Northshire Housing","type":"HOUSING"}}"""
                .formatted(UUID.randomUUID(), Instant.now(), code, code);
        EventProbe.publish("safeguarding.agreements", code, event);
        EventProbe.publish("safeguarding.agreements", code, event);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> organisations.findById(code) != null));
        assertEquals("Northshire Housing", QuarkusTransaction.requiringNew().call(() -> organisations.findById(code).name));
    }
}
