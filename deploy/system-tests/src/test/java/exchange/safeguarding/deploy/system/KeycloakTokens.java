package exchange.safeguarding.deploy.system;

import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;

/** Tokens from the real Keycloak, obtained the way a demo user's tool or an agency gateway obtains them. */
final class KeycloakTokens {

    /** An access token and how many seconds it lasts from when it was issued. */
    record Token(String value, long expiresInSeconds) {
    }

    private KeycloakTokens() {
    }

    static String user(String tokenEndpoint, String username) {
        return userToken(tokenEndpoint, username).value();
    }

    /** A gateway's service-account token; the demo secret is documented in the realm and the README. */
    static String gateway(String tokenEndpoint, String organisationCode) {
        return gatewayToken(tokenEndpoint, organisationCode).value();
    }

    static Token userToken(String tokenEndpoint, String username) {
        return token(given().formParam("grant_type", "password").formParam("client_id", "safeguarding-exchange-cli")
                .formParam("username", username).formParam("password", "demo")
                .post(tokenEndpoint).then().statusCode(200).extract().jsonPath());
    }

    static Token gatewayToken(String tokenEndpoint, String organisationCode) {
        String client = "gateway-" + organisationCode.toLowerCase();
        return token(given().formParam("grant_type", "client_credentials").formParam("client_id", client)
                .formParam("client_secret", "demo-secret-" + organisationCode.toLowerCase())
                .post(tokenEndpoint).then().statusCode(200).extract().jsonPath());
    }

    private static Token token(JsonPath answer) {
        return new Token(answer.getString("access_token"), answer.getLong("expires_in"));
    }
}
