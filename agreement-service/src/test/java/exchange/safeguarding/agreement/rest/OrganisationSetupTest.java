package exchange.safeguarding.agreement.rest;

import exchange.safeguarding.agreement.messaging.OrganisationEvents;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static exchange.safeguarding.agreement.Fixtures.ADMIN;
import static exchange.safeguarding.agreement.Fixtures.lead;
import static exchange.safeguarding.agreement.Fixtures.register;
import static exchange.safeguarding.agreement.Fixtures.setUp;
import static exchange.safeguarding.agreement.Fixtures.uniqueCode;
import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganisationSetupTest {

    @Test
    void aNewOrganisationSaysExactlyWhatKeepsItFromBeingActive() {
        String code = uniqueCode("CARE");
        register(code, "CARE_PROVIDER");
        given().header("Authorization", ADMIN).get("/organisations/" + code).then().statusCode(200)
                .body("status", equalTo("INCOMPLETE"))
                .body("missing", hasSize(3))
                .body("missing[0]", containsString("safeguardingLead"))
                .body("missing[1]", containsString("whistleblowingPolicy"))
                .body("missing[2]", containsString("escalationRoute"))
                .body("gatewayClient.status", equalTo("PENDING"));
    }

    @Test
    void itsOwnSafeguardingLeadCompletesTheSetUpAndItBecomesActive() {
        String code = uniqueCode("CARE");
        register(code, "CARE_PROVIDER");
        given().header("Authorization", lead(code)).contentType(ContentType.JSON).body(setUp(LocalDate.now().plusYears(1)))
                .when().put("/organisations/" + code + "/safeguarding-setup")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("missing", empty())
                .body("safeguardingLead.name", equalTo("Carla Chambers"))
                .body("escalationRoute", hasSize(3));

        var events = EventProbe.await(OrganisationEvents.TOPIC, e -> code.equals(e.path("subject").asText()), 3, Duration.ofSeconds(20));
        assertEquals(List.of(OrganisationEvents.REGISTERED, OrganisationEvents.UPDATED, OrganisationEvents.ACTIVATED),
                events.stream().map(e -> e.path("type").asText()).toList());
        assertEquals("ACTIVE", events.get(2).path("data").path("status").asText());
        assertEquals("PT4H", events.get(2).path("data").path("escalationRoute").get(0).path("responseTimes").path("URGENT").asText());

        given().header("Authorization", ADMIN).get("/organisations/" + code + "/history").then().statusCode(200)
                .body("change", hasItems(containsString("registered"), containsString("set-up"), equalTo("became active")));
    }

    @Test
    void aWhistleblowingPolicyPastItsReviewIsNotCurrent() {
        String code = uniqueCode("CARE");
        register(code, "CARE_PROVIDER");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(setUp(LocalDate.now().minusDays(1)))
                .when().put("/organisations/" + code + "/safeguarding-setup")
                .then().statusCode(200).body("status", equalTo("INCOMPLETE"))
                .body("missing", hasSize(1)).body("missing[0]", containsString("not current"));
    }

    @Test
    void invalidSetUpNamesEachField() {
        String code = uniqueCode("CARE");
        register(code, "CARE_PROVIDER");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"safeguardingLead": {"name": "", "email": "not-an-email", "phone": "call me"},
                         "whistleblowingPolicy": {"reference": "x", "owner": "", "reviewDate": null}}""")
                .when().put("/organisations/" + code + "/safeguarding-setup")
                .then().statusCode(400)
                .body("errors.field", hasItems("safeguardingLead.name", "safeguardingLead.email", "safeguardingLead.phone",
                        "whistleblowingPolicy.owner", "whistleblowingPolicy.reviewDate"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(setUp(LocalDate.now().plusYears(1)).replace("\"PT4H\"", "\"four hours\"").replace("\"LINE_MANAGER\"", "\"LOCAL_AUTHORITY\""))
                .when().put("/organisations/" + code + "/safeguarding-setup")
                .then().statusCode(400)
                .body("errors.field", hasItems("escalationRoute[0].responseTimes.URGENT", "escalationRoute[2].step"));
        given().header("Authorization", ADMIN).get("/organisations/" + code).then().body("status", equalTo("INCOMPLETE"))
                .body("safeguardingLead", equalTo(null));
    }

    @Test
    void suspensionEndsActivationAndReinstatementRestoresIt() {
        String code = uniqueCode("POL");
        register(code, "POLICE");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(setUp(LocalDate.now().plusYears(1)))
                .put("/organisations/" + code + "/safeguarding-setup").then().statusCode(200);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"Data breach under investigation\"}")
                .post("/organisations/" + code + "/suspension").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("suspensionReason", equalTo("Data breach under investigation"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"again\"}")
                .post("/organisations/" + code + "/suspension").then().statusCode(409);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"reason\": \"Investigation closed\"}")
                .post("/organisations/" + code + "/reinstatement").then().statusCode(200).body("status", equalTo("ACTIVE"));

        var types = EventProbe.await(OrganisationEvents.TOPIC, e -> code.equals(e.path("subject").asText()), 7, Duration.ofSeconds(20))
                .stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of(OrganisationEvents.REGISTERED, OrganisationEvents.UPDATED, OrganisationEvents.ACTIVATED,
                OrganisationEvents.SUSPENDED, OrganisationEvents.DEACTIVATED, OrganisationEvents.REINSTATED,
                OrganisationEvents.ACTIVATED), types);
    }

    @Test
    void rolesAndOrganisationsAreChecked() {
        String code = uniqueCode("NHS");
        register(code, "NHS_TRUST");
        String otherLead = lead("SOMEONE-ELSE");
        given().header("Authorization", otherLead).contentType(ContentType.JSON).body(setUp(LocalDate.now().plusYears(1)))
                .put("/organisations/" + code + "/safeguarding-setup").then().statusCode(404);
        given().header("Authorization", lead(code)).contentType(ContentType.JSON).body("{\"reason\": \"no\"}")
                .post("/organisations/" + code + "/suspension").then().statusCode(403);
        given().header("Authorization", bearer(token("pat", code, "practitioner"))).contentType(ContentType.JSON)
                .body(setUp(LocalDate.now().plusYears(1)))
                .put("/organisations/" + code + "/safeguarding-setup").then().statusCode(403);
        given().header("Authorization", bearer(token("pat", code, "practitioner"))).get("/organisations/" + code)
                .then().statusCode(200);
        given().header("Authorization", bearer(token("aud", "NORTHSHIRE-ASC", "auditor"))).get("/organisations")
                .then().statusCode(200).body("code", hasItem(code));
        given().header("Authorization", bearer(token("aud", "NORTHSHIRE-ASC", "auditor"))).get("/organisations/" + code + "/history")
                .then().statusCode(200);
        given().header("Authorization", otherLead).get("/organisations/" + code + "/history").then().statusCode(404);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"Renamed Trust\", \"type\": \"NHS_TRUST\", \"areaServed\": \"Eastvale\"}")
                .put("/organisations/" + code).then().statusCode(200).body("name", equalTo("Renamed Trust"));
        given().header("Authorization", lead(code)).contentType(ContentType.JSON)
                .body("{\"name\": \"Mine now\", \"type\": \"NHS_TRUST\"}")
                .put("/organisations/" + code).then().statusCode(403);
    }

    @Test
    void gatewayClientCredentialsWaitForProvisioning() {
        String code = uniqueCode("AMB");
        register(code, "AMBULANCE");
        // Service tests run without Keycloak's admin API (provisioning is proved by the system tests).
        given().header("Authorization", ADMIN).post("/organisations/" + code + "/gateway-client/credentials")
                .then().statusCode(409).body("detail", containsString("pending"));
    }
}
