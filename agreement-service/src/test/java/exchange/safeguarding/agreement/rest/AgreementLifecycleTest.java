package exchange.safeguarding.agreement.rest;

import exchange.safeguarding.agreement.messaging.AgreementEvents;
import exchange.safeguarding.agreement.messaging.OrganisationEvents;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static exchange.safeguarding.agreement.Fixtures.ADMIN;
import static exchange.safeguarding.agreement.Fixtures.activeOrganisation;
import static exchange.safeguarding.agreement.Fixtures.draft;
import static exchange.safeguarding.agreement.Fixtures.lead;
import static exchange.safeguarding.agreement.Fixtures.register;
import static exchange.safeguarding.agreement.Fixtures.setUp;
import static exchange.safeguarding.agreement.Fixtures.sign;
import static exchange.safeguarding.agreement.Fixtures.terms;
import static exchange.safeguarding.agreement.Fixtures.uniqueCode;
import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AgreementLifecycleTest {

    static final LocalDate TODAY = LocalDate.now();

    static ValidatableResponse coverage(String from, String to, String purpose, String... categories) {
        var request = given().header("Authorization", ADMIN).queryParam("from", from).queryParam("to", to)
                .queryParam("purpose", purpose);
        for (String category : categories) {
            request = request.queryParam("category", category);
        }
        return request.get("/coverage").then().statusCode(200);
    }

    @Test
    void draftSignActivateAmendSupersedeSuspendResumeTerminate() {
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String council = activeOrganisation("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES");
        coverage(care, council, "COORDINATE_RESPONSES", "IDENTITY").body("covered", equalTo(false))
                .body("reasons[0]", containsString("no information sharing agreement names both"));

        String id = draft(terms(care, council, TODAY, TODAY.plusYears(1), null));
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("waitingFor", hasItems("signature of " + care, "signature of " + council));

        sign(id, 1, care);
        given().header("Authorization", lead(care)).get("/agreements/" + id + "/versions/1").then()
                .body("status", equalTo("AWAITING_SIGNATURES")).body("signatures[0].organisation", equalTo(care));
        // Terms are frozen from the first signature; a party cannot sign twice.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(terms(care, council, TODAY, TODAY.plusYears(2), null))
                .put("/agreements/" + id + "/versions/1").then().statusCode(409);
        given().header("Authorization", lead(care)).contentType(ContentType.JSON)
                .body("{\"signatoryName\": \"X\", \"signatoryRole\": \"Y\"}")
                .post("/agreements/" + id + "/versions/1/signatures").then().statusCode(409);

        sign(id, 1, council);
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then()
                .body("status", equalTo("ACTIVE")).body("signatures", hasSize(2));
        coverage(care, council, "COORDINATE_RESPONSES", "IDENTITY", "HEALTH").body("covered", equalTo(true))
                .body("version", equalTo(1)).body("lawfulBasis.article6Basis", equalTo("PUBLIC_TASK_6_1_E"))
                .body("permittedCategories", hasItems("IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION", "HEALTH"));
        coverage(council, care, "IDENTIFY_LOW_LEVEL_CONCERNS", "HEALTH").body("covered", equalTo(false))
                .body("reasons[0]", containsString("does not permit [HEALTH]"));
        coverage(care, council, "IMPROVE_PRACTICE", "IDENTITY").body("covered", equalTo(false))
                .body("reasons[0]", containsString("does not cover the purpose IMPROVE_PRACTICE"));
        Instant whileVersionOneWasInForce = Instant.now();

        // Amendment: version 2 is drafted while version 1 stays in force, then supersedes it.
        String amended = terms(care, council, TODAY, TODAY.plusYears(1), null).replace("\"IDENTITY\", \"CONCERN_SUMMARY\"]", "\"IDENTITY\", \"CONCERN_SUMMARY\", \"VIEWS_AND_WISHES\"]");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(amended)
                .post("/agreements/" + id + "/amendments").then().statusCode(201).body("version", equalTo(2)).body("status", equalTo("DRAFT"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(amended)
                .post("/agreements/" + id + "/amendments").then().statusCode(409);
        coverage(care, council, "IDENTIFY_LOW_LEVEL_CONCERNS", "VIEWS_AND_WISHES").body("covered", equalTo(false));
        sign(id, 2, care);
        sign(id, 2, council);
        given().header("Authorization", ADMIN).get("/agreements/" + id).then().statusCode(200)
                .body("versions.status", equalTo(List.of("SUPERSEDED", "ACTIVE")))
                .body("versions[0].terms.purposes[1].dataCategories", equalTo(List.of("IDENTITY", "CONCERN_SUMMARY")));
        coverage(care, council, "IDENTIFY_LOW_LEVEL_CONCERNS", "VIEWS_AND_WISHES").body("covered", equalTo(true)).body("version", equalTo(2));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"Breach review\"}")
                .post("/agreements/" + id + "/suspension").then().statusCode(200).body("status", equalTo("SUSPENDED"));
        coverage(care, council, "COORDINATE_RESPONSES", "IDENTITY").body("covered", equalTo(false))
                .body("reasons[0]", containsString("was not in force"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"Review complete\"}")
                .post("/agreements/" + id + "/resumption").then().statusCode(200).body("status", equalTo("ACTIVE"));
        coverage(care, council, "COORDINATE_RESPONSES", "IDENTITY").body("covered", equalTo(true));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"Replaced by regional protocol\"}")
                .post("/agreements/" + id + "/termination").then().statusCode(200)
                .body("versions.status", equalTo(List.of("SUPERSEDED", "TERMINATED")));
        coverage(care, council, "COORDINATE_RESPONSES", "IDENTITY").body("covered", equalTo(false));
        // What was covered then is still answerable now, from the periods each version was in force.
        given().header("Authorization", ADMIN).queryParam("from", care).queryParam("to", council)
                .queryParam("purpose", "COORDINATE_RESPONSES").queryParam("category", "IDENTITY")
                .queryParam("at", whileVersionOneWasInForce.toString())
                .get("/coverage").then().statusCode(200).body("covered", equalTo(true)).body("version", equalTo(1));

        var types = EventProbe.await(OrganisationEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 12, Duration.ofSeconds(20))
                .stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of(AgreementEvents.DRAFTED, AgreementEvents.SIGNED, AgreementEvents.SIGNED, AgreementEvents.ACTIVATED,
                AgreementEvents.AMENDED, AgreementEvents.SIGNED, AgreementEvents.SIGNED, AgreementEvents.SUPERSEDED,
                AgreementEvents.ACTIVATED, AgreementEvents.SUSPENDED, AgreementEvents.RESUMED, AgreementEvents.TERMINATED), types);
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/history").then().statusCode(200)
                .body("change", hasItem(containsString("signed for " + care + " by Dr Ruth Evans (Director)")));
    }

    @Test
    void aSignedAgreementWaitsForEveryPartyToBeActive() {
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String housing = uniqueCode("HOUSING");
        register(housing, "HOUSING");
        String id = draft(terms(care, housing, TODAY, TODAY.plusYears(1), null));
        sign(id, 1, care);
        sign(id, 1, housing);
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then()
                .body("status", equalTo("SIGNED"))
                .body("waitingFor[0]", containsString(housing + " to be an active organisation"));
        coverage(care, housing, "COORDINATE_RESPONSES", "IDENTITY").body("covered", equalTo(false));

        given().header("Authorization", lead(housing)).contentType(ContentType.JSON).body(setUp(TODAY.plusYears(1)))
                .put("/organisations/" + housing + "/safeguarding-setup").then().statusCode(200);
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then().body("status", equalTo("ACTIVE"));
        coverage(care, housing, "COORDINATE_RESPONSES", "IDENTITY").body("covered", equalTo(true));

        // A suspended party stops the agreement covering sharing, though the agreement stays active.
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"Inspection\"}")
                .post("/organisations/" + housing + "/suspension").then().statusCode(200);
        coverage(care, housing, "COORDINATE_RESPONSES", "IDENTITY").body("covered", equalTo(false))
                .body("reasons[0]", containsString(housing + " is not an active organisation"));
    }

    @Test
    void anAgreementEffectiveLaterWaitsForItsDate() {
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String police = activeOrganisation("POL", "POLICE");
        String id = draft(terms(care, police, TODAY.plusDays(10), TODAY.plusYears(1), null));
        sign(id, 1, care);
        sign(id, 1, police);
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then()
                .body("status", equalTo("SIGNED")).body("waitingFor[0]", containsString("effective date"));
    }

    @Test
    void termsBreakingTheRulesAreRefusedFieldByField() {
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String lawless = terms(care, care, TODAY, TODAY.minusDays(1), null)
                .replace("\"article9Condition\": \"SUBSTANTIAL_PUBLIC_INTEREST_9_2_G\",", "")
                .replace("\"IDENTITY\", \"CONCERN_SUMMARY\"]", "\"IDENTITY\", \"CRIMINAL_OFFENCE_INFORMATION\"]")
                .replace("\"P6Y\"", "\"six years\"");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(lawless).post("/agreements")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("parties[1].organisation", "parties", "purposes[0].article9Condition",
                        "purposes[1].criminalOffenceCondition", "retentionPeriod", "reviewDate"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(terms(care, "NOT-REGISTERED", TODAY, TODAY.plusYears(1), null)).post("/agreements")
                .then().statusCode(400).body("errors.field", hasItem("parties[1].organisation"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"title\": \"\"}").post("/agreements")
                .then().statusCode(400).body("errors.field", hasItems("title", "parties", "purposes", "effectiveFrom", "reviewDate"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(terms(care, "X", TODAY, TODAY.plusYears(1), null).replace("COORDINATE_RESPONSES", "WHATEVER"))
                .post("/agreements").then().statusCode(400).body("errors.field", hasItem(containsString("purpose")));
    }

    @Test
    void onlyPartiesAdministratorsAndAuditorsSeeAnAgreement() {
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String council = activeOrganisation("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES");
        String outsider = activeOrganisation("POL", "POLICE");
        String id = draft(terms(care, council, TODAY, TODAY.plusYears(1), null));

        given().header("Authorization", bearer(token("pat", care, "practitioner"))).get("/agreements/" + id).then().statusCode(200);
        given().header("Authorization", bearer(token("aud", "NORTHSHIRE-ASC", "auditor"))).get("/agreements/" + id).then().statusCode(200);
        given().header("Authorization", lead(outsider)).get("/agreements/" + id).then().statusCode(404);
        given().header("Authorization", lead(outsider)).get("/agreements").then().statusCode(200).body("id", not(hasItem(id)));
        given().header("Authorization", lead(care)).get("/agreements").then().statusCode(200).body("id", hasItem(id));
        given().header("Authorization", lead(outsider)).contentType(ContentType.JSON)
                .body("{\"signatoryName\": \"X\", \"signatoryRole\": \"Y\"}")
                .post("/agreements/" + id + "/versions/1/signatures").then().statusCode(404);
        given().header("Authorization", bearer(token("pat", care, "practitioner"))).contentType(ContentType.JSON)
                .body("{\"signatoryName\": \"X\", \"signatoryRole\": \"Y\"}")
                .post("/agreements/" + id + "/versions/1/signatures").then().statusCode(403);
        given().header("Authorization", lead(care)).contentType(ContentType.JSON)
                .body(terms(care, council, TODAY, TODAY.plusYears(1), null)).post("/agreements").then().statusCode(403);
        given().header("Authorization", lead(care)).contentType(ContentType.JSON).body("{\"reason\": \"x\"}")
                .post("/agreements/" + id + "/termination").then().statusCode(403);
        // Coverage: one's own sharing only, unless administrator, auditor or platform service.
        given().header("Authorization", lead(outsider)).queryParam("from", care).queryParam("to", council)
                .queryParam("purpose", "COORDINATE_RESPONSES").queryParam("category", "IDENTITY")
                .get("/coverage").then().statusCode(403);
        given().header("Authorization", bearer(token("svc", "PLATFORM", "platform-service"))).queryParam("from", care)
                .queryParam("to", council).queryParam("purpose", "COORDINATE_RESPONSES").queryParam("category", "IDENTITY")
                .get("/coverage").then().statusCode(200);
        given().header("Authorization", lead(care)).queryParam("from", care).queryParam("to", council)
                .queryParam("purpose", "NOT_A_PURPOSE").queryParam("category", "IDENTITY")
                .get("/coverage").then().statusCode(400).body("errors.field", hasItem("purpose"));
        given().header("Authorization", lead(care)).queryParam("from", care).queryParam("to", council)
                .queryParam("purpose", "COORDINATE_RESPONSES")
                .get("/coverage").then().statusCode(400).body("errors.field", hasItem("category"));
        given().header("Authorization", lead(care)).queryParam("from", care).queryParam("to", council)
                .queryParam("purpose", "COORDINATE_RESPONSES").queryParam("category", "IDENTITY").queryParam("at", "yesterday")
                .get("/coverage").then().statusCode(400).body("errors.field", hasItem("at"));
    }
}
