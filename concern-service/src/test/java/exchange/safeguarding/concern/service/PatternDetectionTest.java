package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.ConcernFixtures;
import exchange.safeguarding.concern.ConcernFixtures.Partnership;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static exchange.safeguarding.concern.ConcernFixtures.as;
import static exchange.safeguarding.concern.ConcernFixtures.concernAbout;
import static exchange.safeguarding.concern.ConcernFixtures.nhsNumber;
import static exchange.safeguarding.concern.ConcernFixtures.raise;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Patterns across agencies, matching of people, merging, and the adult's chronology. */
@QuarkusTest
class PatternDetectionTest {

    static String officer(Partnership p) {
        return as("olu", p.council(), "la-safeguarding-officer");
    }

    static String unique(String base) {
        return base + ConcernFixtures.randomLetters();
    }

    @Test
    void lowLevelConcernsAboutOneAdultFromThreeAgenciesRaiseAnAlertToTheLocalAuthority() {
        Partnership p = ConcernFixtures.partnership();
        String family = unique("Moss");
        String nhs = nhsNumber(System.nanoTime() % 900_000_000L + 100_000_000L);
        String first = raise(as("a", p.care(), "practitioner"), concernAbout(family, "LOW_LEVEL", nhs, null));
        String second = raise(as("b", p.nhs(), "practitioner"), concernAbout(family, "LOW_LEVEL", nhs, null));
        given().header("Authorization", officer(p)).get("/pattern-alerts").then().statusCode(200).body("size()", equalTo(0));
        // The third agency knows her without her NHS number: name, date of birth and postcode still match.
        String third = raise(as("c", p.police(), "practitioner"), concernAbout(family.toUpperCase(), "LOW_LEVEL", null, null)
                .replace("NS1 4AB", "ns14ab"));

        var alerts = given().header("Authorization", officer(p)).get("/pattern-alerts").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].rule", equalTo("SAME_ADULT"))
                .body("[0].organisations", hasItems(p.care(), p.nhs(), p.police()))
                .body("[0].concernIds", hasItems(first, second, third)).extract().jsonPath();
        String alertId = alerts.getString("[0].id");
        // The authority can now read every concern the alert names.
        given().header("Authorization", officer(p)).get("/concerns/" + first).then().statusCode(200);
        var detected = EventProbe.await(ConcernEvents.TOPIC, e -> alertId.equals(e.path("subject").asText()), 1, Duration.ofSeconds(20));
        assertEquals(ConcernEvents.PATTERN_DETECTED, detected.get(0).path("type").asText());
        assertEquals(p.council(), detected.get(0).path("data").path("localAuthority").asText());

        // (The adult's identity reaches the authority by the raisers' sharing decisions, which sharing-service makes.)
        String person = given().header("Authorization", as("a", p.care(), "practitioner")).get("/concerns/" + first).then()
                .extract().path("adult.personId");
        given().header("Authorization", officer(p)).get("/persons/" + person + "/chronology").then().statusCode(200)
                .body("findAll { it.action == 'RAISED' }", hasSize(3));
        given().header("Authorization", as("x", p.ambulance(), "practitioner")).get("/persons/" + person + "/chronology")
                .then().statusCode(200).body("size()", equalTo(0));

        given().header("Authorization", officer(p)).contentType(ContentType.JSON)
                .body("{\"decision\": \"START_ENQUIRY\", \"reason\": \"Three agencies worried within a month\"}")
                .post("/pattern-alerts/" + alertId + "/decision").then().statusCode(200).body("status", equalTo("DECIDED"));
        given().header("Authorization", officer(p)).contentType(ContentType.JSON)
                .body("{\"decision\": \"NO_ACTION\", \"reason\": \"again\"}")
                .post("/pattern-alerts/" + alertId + "/decision").then().statusCode(409);
        given().header("Authorization", as("olu", "OTHER-COUNCIL", "la-safeguarding-officer")).get("/pattern-alerts/" + alertId)
                .then().statusCode(404);
    }

    @Test
    void onePersonAllegedToCauseHarmAgainstTwoAdultsRaisesAnOthersAtRiskAlert() {
        Partnership p = ConcernFixtures.partnership();
        String pah = "\"personAllegedToCauseHarm\": {\"person\": {\"givenName\": \"Rob\", \"familyName\": \"%s\", \"dateOfBirth\": \"1980-05-05\", \"postcode\": \"NS2 7XY\"}, \"relationship\": \"Carer\"}"
                .formatted(unique("Price"));
        raise(as("a", p.care(), "practitioner"), concernAbout(unique("Hale"), "ROUTINE", null, pah));
        given().header("Authorization", officer(p)).get("/pattern-alerts").then().body("size()", equalTo(0));
        raise(as("b", p.nhs(), "practitioner"), concernAbout(unique("Webb"), "URGENT", null, pah));
        given().header("Authorization", officer(p)).get("/pattern-alerts").then()
                .body("size()", equalTo(1)).body("[0].rule", equalTo("OTHERS_AT_RISK")).body("[0].concernIds", hasSize(2));
    }

    @Test
    void concernsAboutOneCareHomeRaiseAnOrganisationalAlert() {
        Partnership p = ConcernFixtures.partnership();
        String home = "Laurel " + ConcernFixtures.randomLetters() + " Care Home";
        for (String family : List.of(unique("Ames"), unique("Bell"), unique("Cole"))) {
            raise(as("a", p.care(), "practitioner"), concernAbout(family, "LOW_LEVEL", null, null).replaceAll("Home [a-z]+", home));
        }
        given().header("Authorization", officer(p)).get("/pattern-alerts").then()
                .body("size()", equalTo(1)).body("[0].rule", equalTo("ORGANISATIONAL")).body("[0].concernIds", hasSize(3));
    }

    @Test
    void differentNhsNumbersNeverLinkButAMergeDoesAndCanBeUndone() {
        Partnership p = ConcernFixtures.partnership();
        String family = unique("Tate");
        String a = raise(as("a", p.care(), "practitioner"), concernAbout(family, "ROUTINE", nhsNumber(123_456_780L), null));
        String b = raise(as("b", p.care(), "practitioner"), concernAbout(family, "ROUTINE", nhsNumber(223_456_780L), null));
        String lead = as("lee", p.care(), "safeguarding-lead");
        String personA = given().header("Authorization", lead).get("/concerns/" + a).then().extract().path("adult.personId");
        String personB = given().header("Authorization", lead).get("/concerns/" + b).then().extract().path("adult.personId");
        assertEquals(false, personA.equals(personB), "different NHS numbers are different people");
        given().header("Authorization", lead).get("/persons/" + personA + "/chronology").then().body("findAll { it.action == 'RAISED' }", hasSize(1));

        given().header("Authorization", lead).contentType(ContentType.JSON)
                .body("{\"into\": \"" + personA + "\", \"reason\": \"Same person; NHS number mistyped\"}")
                .post("/persons/" + personB + "/merge").then().statusCode(200).body("personId", equalTo(personA));
        given().header("Authorization", lead).get("/persons/" + personA + "/chronology").then().body("findAll { it.action == 'RAISED' }", hasSize(2));
        given().header("Authorization", lead).contentType(ContentType.JSON).body("{\"reason\": \"Twins after all\"}")
                .post("/persons/" + personB + "/unmerge").then().statusCode(200);
        given().header("Authorization", lead).get("/persons/" + personA + "/chronology").then().body("findAll { it.action == 'RAISED' }", hasSize(1));
        given().header("Authorization", as("x", p.police(), "safeguarding-lead")).contentType(ContentType.JSON)
                .body("{\"into\": \"" + personA + "\", \"reason\": \"x\"}").post("/persons/" + personB + "/merge").then().statusCode(404);
    }
}
