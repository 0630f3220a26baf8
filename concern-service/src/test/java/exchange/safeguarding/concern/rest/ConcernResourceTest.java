package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ConcernResourceTest {

    static final String CARE = "MEADOWBANK-CARE";
    static final String POLICE = "NORTHSHIRE-POLICE";

    static String practitioner(String organisation) {
        return bearer(token("pat", organisation, "practitioner"));
    }

    static String validConcern(String urgency) {
        return """
                {"adult": {"givenName": "Edith", "familyName": "Clarke"},
                 "summary": "Bruising on both forearms; says a visitor grabbed her.",
                 "urgency": "%s"}""".formatted(urgency);
    }

    @Test
    void practitionerRaisesConcernAndTheEventIsPublished() {
        String id = given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON)
                .body(validConcern("ROUTINE"))
                .when().post("/concerns")
                .then().statusCode(201)
                .header("Location", containsString("/concerns/"))
                .body("organisation", equalTo(CARE))
                .body("status", equalTo("RAISED"))
                .body("raisedBy", equalTo("pat"))
                .extract().path("id");

        var events = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 1, Duration.ofSeconds(20));
        assertEquals(1, events.size(), "one concern.raised.v1 event for the concern");
        var event = events.get(0);
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals(ConcernEvents.RAISED, event.path("type").asText());
        assertEquals("/safeguarding-exchange/concern-service", event.path("source").asText());
        assertEquals(CARE, event.path("data").path("organisation").asText());
        assertEquals("ROUTINE", event.path("data").path("urgency").asText());

        given().header("Authorization", practitioner(CARE)).when().get("/concerns/" + id)
                .then().statusCode(200).body("adult.familyName", equalTo("Clarke"));
    }

    @Test
    void anotherOrganisationCannotSeeTheConcern() {
        String id = given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON)
                .body(validConcern("URGENT")).post("/concerns").then().statusCode(201).extract().path("id");

        given().header("Authorization", practitioner(POLICE)).when().get("/concerns/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().header("Authorization", practitioner(POLICE)).when().get("/concerns")
                .then().statusCode(200).body("id", not(hasItem(id)));
    }

    @Test
    void withoutATokenEveryEndpointAnswers401() {
        given().when().get("/concerns").then().statusCode(401);
        given().when().get("/concerns/" + java.util.UUID.randomUUID()).then().statusCode(401);
        given().contentType(ContentType.JSON).body(validConcern("ROUTINE")).when().post("/concerns").then().statusCode(401);
    }

    @Test
    void expiredOrWrongAudienceTokensAreRefused() {
        given().header("Authorization", bearer(exchange.safeguarding.kit.testing.TestTokens.expiredToken("pat", CARE, "practitioner")))
                .when().get("/concerns").then().statusCode(401);
        given().header("Authorization", bearer(exchange.safeguarding.kit.testing.TestTokens.tokenForAudience("other-api", "pat", CARE, "practitioner")))
                .when().get("/concerns").then().statusCode(401);
    }

    @Test
    void anAuditorCannotRaiseConcerns() {
        given().header("Authorization", bearer(token("audrey", CARE, "auditor"))).contentType(ContentType.JSON)
                .body(validConcern("ROUTINE")).when().post("/concerns")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void invalidFieldsAreNamedAndNothingIsStored() {
        int before = given().header("Authorization", practitioner("EMPTY-ORG")).get("/concerns").then().extract().path("size()");
        given().header("Authorization", practitioner("EMPTY-ORG")).contentType(ContentType.JSON)
                .body("""
                        {"adult": {"givenName": "", "familyName": "Clarke"}, "summary": " "}""")
                .when().post("/concerns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("adult.givenName"))
                .body("errors.field", hasItem("summary"))
                .body("errors.field", hasItem("urgency"));
        given().header("Authorization", practitioner("EMPTY-ORG")).get("/concerns").then().body("size()", equalTo(before));
    }

    @Test
    void malformedAndWronglyTypedBodiesAre400Problems() {
        given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON).body("{not json")
                .when().post("/concerns").then().statusCode(400).contentType("application/problem+json")
                .body("detail", notNullValue()).body(not(containsString("Exception")));
        given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON)
                .body(validConcern("SOMETIME"))
                .when().post("/concerns").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("urgency"));
        given().header("Authorization", practitioner(CARE)).contentType(ContentType.JSON)
                .body(validConcern("ROUTINE").replace("\"urgency\"", "\"colour\": 1, \"urgency\""))
                .when().post("/concerns").then().statusCode(400)
                .body("errors.field", hasItem("colour"));
        given().header("Authorization", practitioner(CARE)).when().get("/concerns/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", practitioner(CARE)).when().get("/concerns?size=100000")
                .then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void healthAndApiDocumentsNeedNoToken() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/concerns"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("outbox_events_published"));
    }
}
