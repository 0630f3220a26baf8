package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Registering an organisation provisions its gateway client in the real Keycloak: the new agency's system
 * obtains tokens carrying its organisation, and loses that ability while the organisation is suspended.
 */
class GatewayClientProvisioningIT {

    static final String HOUSING = "NORTHSHIRE-HOUSING";

    @Test
    void aNewOrganisationsGatewayClientObtainsTokensUntilSuspended() {
        LocalPlatform platform = Partnership.platform();
        String agreements = platform.serviceUrl(PlatformSettings.AGREEMENT);
        String admin = Partnership.user(Partnership.ADMIN);

        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"code\": \"" + HOUSING + "\", \"name\": \"Northshire Housing Association\", \"type\": \"HOUSING\"}")
                .post(agreements + "/organisations").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header("Authorization", admin).get(agreements + "/organisations/" + HOUSING)
                        .then().body("gatewayClient.status", equalTo("PROVISIONED")));

        var credentials = given().header("Authorization", admin).post(agreements + "/organisations/" + HOUSING
                + "/gateway-client/credentials").then().statusCode(200)
                .body("clientId", equalTo("gateway-northshire-housing")).extract().jsonPath();
        String token = clientCredentials(platform, credentials.getString("clientId"), credentials.getString("clientSecret"), 200);
        // The agency's own token reads its own organisation, and only that.
        given().header("Authorization", "Bearer " + token).get(agreements + "/organisations/" + HOUSING)
                .then().statusCode(200).body("code", equalTo(HOUSING));
        given().header("Authorization", "Bearer " + token).get(agreements + "/organisations/MEADOWBANK-CARE")
                .then().statusCode(404);

        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"reason\": \"Inspection\"}")
                .post(agreements + "/organisations/" + HOUSING + "/suspension").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                clientCredentials(platform, credentials.getString("clientId"), credentials.getString("clientSecret"), 401));

        given().header("Authorization", admin).contentType(ContentType.JSON).body("{\"reason\": \"Inspection passed\"}")
                .post(agreements + "/organisations/" + HOUSING + "/reinstatement").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                clientCredentials(platform, credentials.getString("clientId"), credentials.getString("clientSecret"), 200));
    }

    private static String clientCredentials(LocalPlatform platform, String clientId, String secret, int expectedStatus) {
        var response = given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).post(platform.tokenEndpoint());
        assertEquals(expectedStatus, response.statusCode(), response.asString());
        if (expectedStatus != 200) {
            return null;
        }
        String token = response.jsonPath().getString("access_token");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertEquals(HOUSING, io.restassured.path.json.JsonPath.from(claims).getString("organisation"));
        return token;
    }
}
