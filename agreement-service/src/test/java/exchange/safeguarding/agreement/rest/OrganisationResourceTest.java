package exchange.safeguarding.agreement.rest;

import exchange.safeguarding.agreement.messaging.OrganisationEvents;
import exchange.safeguarding.kit.crypto.SecretSealer;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class OrganisationResourceTest {

    static final String ADMIN = bearer(token("ada", "NORTHSHIRE-ASC", "protocol-admin"));

    @Inject
    SecretSealer sealer;

    static void register(String code) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"code": "%s", "name": "Meadowbank Care Ltd", "type": "CARE_PROVIDER"}""".formatted(code))
                .when().post("/organisations").then().statusCode(201).body("code", equalTo(code));
    }

    @Test
    void adminRegistersAnOrganisationOnce() {
        register("CARE-A");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"code": "CARE-A", "name": "Again", "type": "CARE_PROVIDER"}""")
                .when().post("/organisations").then().statusCode(409).contentType("application/problem+json");
        var events = EventProbe.await(OrganisationEvents.TOPIC, e -> "CARE-A".equals(e.path("subject").asText()), 1, Duration.ofSeconds(20));
        assertEquals(OrganisationEvents.REGISTERED, events.get(0).path("type").asText());
    }

    @Test
    void onlyProtocolAdminsRegister() {
        given().header("Authorization", bearer(token("pat", "CARE-X", "practitioner"))).contentType(ContentType.JSON)
                .body("""
                        {"code": "CARE-X", "name": "X", "type": "CARE_PROVIDER"}""")
                .when().post("/organisations").then().statusCode(403);
    }

    @Test
    void invalidRegistrationNamesEachField() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"code": "lower case!", "name": "", "type": "SPACESHIP"}""")
                .when().post("/organisations").then().statusCode(400).body("errors.field", hasItem("type"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"code": "lower case!", "name": ""}""")
                .when().post("/organisations").then().statusCode(400)
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("name")).body("errors.field", hasItem("type"));
    }

    @Test
    void gatewaySecretIsShownOnceAndTravelsSealed() {
        register("CARE-B");
        String lead = bearer(token("lee", "CARE-B", "safeguarding-lead"));
        String secret = given().header("Authorization", lead).contentType(ContentType.JSON)
                .body("{\"url\": \"http://localhost:9999/hooks\"}")
                .when().put("/organisations/CARE-B/gateway")
                .then().statusCode(200).body("signingSecret", startsWith("whsec_"))
                .extract().path("signingSecret");

        // Changing the address keeps the secret and does not show it again.
        given().header("Authorization", lead).contentType(ContentType.JSON)
                .body("{\"url\": \"https://gateway.example/hooks\"}")
                .when().put("/organisations/CARE-B/gateway")
                .then().statusCode(200).body("signingSecret", nullValue()).body("url", equalTo("https://gateway.example/hooks"));

        var events = EventProbe.await(OrganisationEvents.TOPIC,
                e -> OrganisationEvents.GATEWAY_CONFIGURED.equals(e.path("type").asText()) && "CARE-B".equals(e.path("subject").asText()),
                2, Duration.ofSeconds(20));
        assertEquals(2, events.size());
        String sealed = events.get(1).path("data").path("secrets").get(0).path("sealed").asText();
        assertFalse(sealed.contains(secret.substring(6)), "the secret never travels in clear");
        assertEquals(secret, sealer.open(sealed));
        assertEquals("https://gateway.example/hooks", events.get(1).path("data").path("url").asText());

        given().header("Authorization", ADMIN).get("/organisations/CARE-B").then().statusCode(200)
                .body("signingSecret", nullValue()).body("gatewayUrl", equalTo("https://gateway.example/hooks"));
    }

    @Test
    void plainHttpToOtherHostsIsRefused() {
        register("CARE-C");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"url\": \"http://gateway.example/hooks\"}")
                .when().put("/organisations/CARE-C/gateway")
                .then().statusCode(400).body("errors.field", hasItem("url"));
    }

    @Test
    void anotherOrganisationsSetUpAnswersAsIfAbsent() {
        register("CARE-D");
        String otherLead = bearer(token("olly", "NORTHSHIRE-POLICE", "safeguarding-lead"));
        given().header("Authorization", otherLead).get("/organisations/CARE-D").then().statusCode(404);
        given().header("Authorization", otherLead).contentType(ContentType.JSON)
                .body("{\"url\": \"https://evil.example/hooks\"}")
                .when().put("/organisations/CARE-D/gateway").then().statusCode(404);
        given().header("Authorization", otherLead).get("/organisations/NOPE").then().statusCode(404);
        given().get("/organisations").then().statusCode(401);
    }
}
