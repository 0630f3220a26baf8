package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.ConcernFixtures;
import exchange.safeguarding.concern.ConcernFixtures.Partnership;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static exchange.safeguarding.concern.ConcernFixtures.as;
import static exchange.safeguarding.concern.ConcernFixtures.concern;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The person behind the gateway: named on every write, recorded as the raiser, and refused when not named. */
@QuarkusTest
class GatewayAttributionTest {

    static final String SAM = "id=\"u-4711\", name=\"Sam Carter\", role=\"practitioner\"";

    @Test
    void aConcernRaisedThroughTheGatewayIsRaisedByThePersonActing() {
        Partnership p = ConcernFixtures.partnership();
        String gateway = as("service-account-gateway-care", p.care(), "gateway");
        String id = given().header("Authorization", gateway).header("Acting-Person", SAM).contentType(ContentType.JSON)
                .body(concern("ROUTINE", null, null)).post("/concerns").then().statusCode(201)
                .body("raisedBy", equalTo("Sam Carter (practitioner, u-4711) via service-account-gateway-care"))
                .extract().path("id");
        given().header("Authorization", as("mo", p.care(), "line-manager")).get("/concerns/" + id + "/steps").then()
                .statusCode(200).body("doneBy", hasItem("Sam Carter (practitioner, u-4711) via service-account-gateway-care"));
    }

    @Test
    void aGatewayWriteThatNamesNoOneOrNamesThemBadlyIsRefusedAndRaisesNothing() {
        Partnership p = ConcernFixtures.partnership();
        String gateway = as("service-account-gateway-care", p.care(), "gateway");
        String body = concern("ROUTINE", null, null);
        for (String header : new String[]{null, "Sam Carter", "id=\"u-1\", name=\"Sam\", role=\"gateway\""}) {
            var request = given().header("Authorization", gateway).contentType(ContentType.JSON).body(body);
            (header == null ? request : request.header("Acting-Person", header)).post("/concerns").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("Acting-Person"));
        }
        String family = body.replaceAll("(?s).*\"familyName\": \"([^\"]+)\".*", "$1");
        List<String> raised = given().header("Authorization", gateway).queryParam("size", 200).get("/concerns").then()
                .statusCode(200).extract().path("findAll { it.adult.familyName == '" + family + "' }.id");
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), raised, "nothing was raised");
        // Reads need no one named: the case system reads for the organisation.
        given().header("Authorization", gateway).get("/concerns").then().statusCode(200);
    }

    @Test
    void aWhistleblowingConcernRaisedThroughTheGatewayIsNeverReadableByThatGateway() {
        Partnership p = ConcernFixtures.partnership();
        String gateway = as("service-account-gateway-care", p.care(), "gateway");
        String id = given().header("Authorization", gateway).header("Acting-Person", SAM).contentType(ContentType.JSON)
                .body(concern("ROUTINE", null, "\"whistleblowing\": {\"aboutOwnOrganisation\": true}")).post("/concerns")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", gateway).get("/concerns/" + id).then().statusCode(404);
        given().header("Authorization", gateway).header("Acting-Person", SAM).get("/concerns/" + id).then().statusCode(404);
        given().header("Authorization", as("olu", p.council(), "la-safeguarding-officer")).get("/concerns/" + id).then()
                .statusCode(200).body("raisedBy", equalTo("Sam Carter (practitioner, u-4711) via service-account-gateway-care"));
    }
}
