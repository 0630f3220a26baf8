package exchange.safeguarding.deploy.system;

import static io.restassured.RestAssured.given;

/** Tokens from the real Keycloak, obtained the way a demo user's tool or an agency gateway obtains them. */
final class KeycloakTokens {

    private KeycloakTokens() {
    }

    static String user(String tokenEndpoint, String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "safeguarding-exchange-cli")
                .formParam("username", username).formParam("password", "demo")
                .post(tokenEndpoint).then().statusCode(200).extract().path("access_token");
    }

    /** A gateway's service-account token; the demo secret is documented in the realm and the README. */
    static String gateway(String tokenEndpoint, String organisationCode) {
        String client = "gateway-" + organisationCode.toLowerCase();
        return given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", "demo-secret-" + organisationCode.toLowerCase())
                .post(tokenEndpoint).then().statusCode(200).extract().path("access_token");
    }
}
