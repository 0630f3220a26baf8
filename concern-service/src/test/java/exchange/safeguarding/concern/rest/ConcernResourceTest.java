package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.kit.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static exchange.safeguarding.concern.ConcernFixtures.as;
import static exchange.safeguarding.concern.ConcernFixtures.concern;
import static exchange.safeguarding.concern.ConcernFixtures.raise;
import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class ConcernResourceTest {

    static final String CARE = "MEADOWBANK-CARE";
    static final String POLICE = "NORTHSHIRE-POLICE";

    static String practitioner(String organisation) {
        return as("pat", organisation, "practitioner");
    }

    @Test
    void practitionerRaisesAConcernThatIsStoredRoutedAndAnnounced() {
        String id = given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON)
                .body(concern("ROUTINE", "9434765919", null))
                .when().post("/concerns")
                .then().statusCode(201)
                .header("Location", containsString("/concerns/"))
                .body("organisation", equalTo(CARE))
                .body("status", equalTo("AWAITING_ACKNOWLEDGEMENT"))
                .body("currentStep", equalTo("LINE_MANAGER"))
                .body("ownerOrganisation", equalTo(CARE))
                .body("responseDueAt", notNullValue())
                .body("raisedBy", equalTo("pat"))
                .body("abuseTypes", hasItems("PHYSICAL", "PSYCHOLOGICAL"))
                .body("adult.nhsNumber", equalTo("9434765919"))
                .body("adult.personId", notNullValue())
                .body("viewsAndWishes", equalTo("Wants to stay at Meadowbank"))
                .extract().path("id");

        var events = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 2, Duration.ofSeconds(20));
        assertEquals(List.of(ConcernEvents.RAISED, ConcernEvents.ROUTED), events.stream().map(e -> e.path("type").asText()).toList());
        var raised = events.get(0);
        assertEquals("1.0", raised.path("specversion").asText());
        assertEquals("/safeguarding-exchange/concern-service", raised.path("source").asText());
        assertEquals(CARE, raised.path("data").path("organisation").asText());
        assertEquals("ROUTINE", raised.path("data").path("urgency").asText());
        assertFalse(events.toString().contains("Clarke"), "no names travel in events");
        assertEquals("line-manager", events.get(1).path("data").path("recipients").get(0).path("audience").asText());

        given().header("Authorization", practitioner(CARE)).when().get("/concerns/" + id)
                .then().statusCode(200).body("adult.familyName", org.hamcrest.Matchers.startsWith("Clarke"));
        given().header("Authorization", practitioner(CARE)).when().get("/concerns/" + id + "/steps")
                .then().statusCode(200).body("action", equalTo(List.of("RAISED", "ROUTED")));
    }

    @Test
    void aLowLevelConcernIsRecordedNotRouted() {
        String id = raise(practitioner(CARE), concern("LOW_LEVEL", null, null));
        given().header("Authorization", practitioner(CARE)).get("/concerns/" + id).then()
                .body("status", equalTo("RECORDED")).body("currentStep", nullValue()).body("responseDueAt", nullValue());
    }

    @Test
    void anotherOrganisationCannotSeeTheConcern() {
        String id = raise(practitioner(CARE), concern("URGENT", null, null));
        given().header("Authorization", practitioner(POLICE)).when().get("/concerns/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().header("Authorization", practitioner(POLICE)).when().get("/concerns/" + id + "/steps").then().statusCode(404);
        given().header("Authorization", practitioner(POLICE)).when().get("/concerns")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        given().when().get("/concerns").then().statusCode(401);
        given().when().get("/concerns/" + java.util.UUID.randomUUID()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(concern("ROUTINE", null, null)).when().post("/concerns").then().statusCode(401);
        given().when().get("/pattern-alerts").then().statusCode(401);
        given().when().get("/persons/" + java.util.UUID.randomUUID() + "/chronology").then().statusCode(401);
    }

    @Test
    void expiredOrWrongAudienceTokensAreRefused() {
        given().header("Authorization", bearer(TestTokens.expiredToken("pat", CARE, "practitioner")))
                .when().get("/concerns").then().statusCode(401);
        given().header("Authorization", bearer(TestTokens.tokenForAudience("other-api", "pat", CARE, "practitioner")))
                .when().get("/concerns").then().statusCode(401);
    }

    @Test
    void anAuditorCannotRaiseConcerns() {
        given().header("Authorization", as("audrey", CARE, "auditor")).contentType(ContentType.JSON)
                .body(concern("ROUTINE", null, null)).when().post("/concerns")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsStored() {
        int before = given().header("Authorization", practitioner("EMPTY-ORG")).get("/concerns").then().extract().path("size()");
        given().header("Authorization", practitioner("EMPTY-ORG")).contentType(ContentType.JSON)
                .body("""
                        {"adult": {"givenName": "", "familyName": "Clarke", "dateOfBirth": "2999-01-01", "postcode": "not a postcode"},
                         "abuseTypes": [], "whatHappened": " "}""")
                .when().post("/concerns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("adult.givenName", "adult.dateOfBirth", "adult.postcode", "abuseTypes",
                        "whatHappened", "urgency"));
        given().header("Authorization", practitioner("EMPTY-ORG")).contentType(ContentType.JSON)
                .body(concern("ROUTINE", "9434765918", "\"personAllegedToCauseHarm\": {\"person\": {\"givenName\": \"Rob\", \"familyName\": \"Price\", \"nhsNumber\": \"1234567890\"}}"))
                .when().post("/concerns")
                .then().statusCode(400)
                .body("errors.field", hasItems("adult.nhsNumber", "personAllegedToCauseHarm.person.nhsNumber"));
        given().header("Authorization", practitioner("EMPTY-ORG")).contentType(ContentType.JSON)
                .body(concern("ROUTINE", null, "\"whistleblowing\": {\"aboutOwnOrganisation\": false, \"implicatesSafeguardingLead\": true}"))
                .when().post("/concerns")
                .then().statusCode(400).body("errors.field", hasItem("whistleblowing.implicatesSafeguardingLead"));
        given().header("Authorization", practitioner("EMPTY-ORG")).get("/concerns").then().body("size()", equalTo(before));
    }

    @Test
    void malformedAndWronglyTypedBodiesAre400Problems() {
        given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON).body("{not json")
                .when().post("/concerns").then().statusCode(400).contentType("application/problem+json")
                .body("detail", notNullValue()).body(not(containsString("Exception")));
        given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON)
                .body(concern("SOMETIME", null, null))
                .when().post("/concerns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("urgency"));
        given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON)
                .body(concern("ROUTINE", null, "\"colour\": 1"))
                .when().post("/concerns").then().statusCode(400)
                .body("errors.field", hasItem("colour"));
        given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON)
                .body(concern("ROUTINE", null, null).replace("\"PHYSICAL\"", "\"SHOUTING\""))
                .when().post("/concerns").then().statusCode(400).body("errors.field", hasItem(containsString("abuseTypes")));
        given().header("Authorization", practitioner(CARE)).when().get("/concerns/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", practitioner(CARE)).when().get("/concerns?size=100000")
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void healthAndApiDocumentsNeedNoToken() {
        // Readiness covers the broker: after another test's outage it recovers on its own.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200));
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/concerns"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_published"));
    }
}
