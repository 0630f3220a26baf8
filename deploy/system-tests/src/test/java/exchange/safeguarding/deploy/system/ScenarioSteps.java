package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static exchange.safeguarding.deploy.system.Partnership.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What practitioners do again and again in the acceptance scenarios, through the public APIs: raise a concern about
 * an invented adult, record the adult's consent, ask to share about the concern, and wait for the disclosure to be
 * made. Every adult gets a family name of their own, so no test's records match another's.
 */
final class ScenarioSteps {

    private static final Duration REPLICATION = Duration.ofSeconds(30);

    /** An invented adult at risk, as a practitioner identifies them. */
    record Adult(String givenName, String familyName, String dateOfBirth, String postcode) {

        static Adult invented(String givenName, String familyName, String dateOfBirth, String postcode) {
            return new Adult(givenName, uniqueFamilyName(familyName), dateOfBirth, postcode);
        }

        Map<String, Object> asRaised() {
            return Map.of("givenName", givenName, "familyName", familyName, "dateOfBirth", dateOfBirth, "postcode", postcode);
        }

        /** As sharing-service identifies the adult: the person id concern-service matched, and name and birth date. */
        Map<String, Object> withPersonId(String personId) {
            return Map.of("personId", personId, "givenName", givenName, "familyName", familyName, "dateOfBirth", dateOfBirth);
        }
    }

    /** A concern as raised: its id and the person record concern-service matched the adult to. */
    record Concern(String id, String personId) {
    }

    private ScenarioSteps() {
    }

    /** A real-looking family name no other test run uses, e.g. "Ashworth-Qkvm". */
    static String uniqueFamilyName(String familyName) {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return familyName + "-" + Character.toUpperCase(suffix.charAt(0)) + suffix.substring(1);
    }

    static Concern raise(String token, Adult adult, String urgency, String whatHappened) {
        JsonPath raised = given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("adult", adult.asRaised(), "abuseTypes", List.of("PSYCHOLOGICAL", "FINANCIAL_OR_MATERIAL"),
                        "whatHappened", whatHappened, "urgency", urgency, "viewsAndWishes", "Wants her family kept out of it"))
                .post(url(PlatformSettings.CONCERN, "/concerns")).then().statusCode(201).extract().jsonPath();
        return new Concern(raised.getString("id"), raised.getString("adult.personId"));
    }

    /** The adult's consent to share for one purpose with the named organisations; returns the consent record's id. */
    static String giveConsent(String token, Adult adult, String personId, String purpose, List<String> recipients,
                              List<String> categories) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body(Map.of("adult", adult.withPersonId(personId), "decision", "GIVEN", "purposes", List.of(purpose),
                        "recipients", recipients, "dataCategories", categories,
                        "howObtained", "In person at her home, her daughter present", "confidentialityLimitsExplained", true))
                .post(url(PlatformSettings.SHARING, "/consent-records")).then().statusCode(201)
                .extract().path("id");
    }

    /** A request to share about a concern, with consent as the only basis. */
    static Map<String, Object> request(String recipient, String concernId, String purpose, List<String> categories) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", recipient);
        body.put("concernId", concernId);
        body.put("purpose", purpose);
        body.put("dataCategories", categories);
        return body;
    }

    /**
     * Asks to share; the decision comes back at once. sharing-service learns of a concern from concern-service's
     * events, so a request made the instant a concern is raised waits (through the dry run) until it knows it.
     */
    static JsonPath share(String token, Map<String, Object> request) {
        await("sharing-service knows concern " + request.get("concernId")).atMost(REPLICATION)
                .pollInterval(Duration.ofMillis(200)).until(() -> given().header("Authorization", token)
                        .contentType(ContentType.JSON).body(request)
                        .post(url(PlatformSettings.SHARING, "/sharing-requests/preview")).statusCode() == 200);
        return given().header("Authorization", token).contentType(ContentType.JSON).body(request)
                .post(url(PlatformSettings.SHARING, "/sharing-requests")).then().statusCode(201).extract().jsonPath();
    }

    /** The disclosure an approved request led to, once made (the snapshot taken from concern-service). */
    static Map<String, Object> awaitDisclosureMade(String disclosingToken, String requestId) {
        return await("the disclosure for request " + requestId).atMost(REPLICATION).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", disclosingToken)
                                .get(url(PlatformSettings.SHARING, "/disclosures?direction=SENT&size=200")).then().statusCode(200)
                                .extract().jsonPath().<Map<String, Object>>getList("").stream()
                                .filter(d -> requestId.equals(d.get("requestId"))).findFirst().orElse(null),
                        d -> d != null && "MADE".equals(d.get("status")));
    }

    static void assertOutcome(String expected, JsonPath decision) {
        assertEquals(expected, decision.getString("outcome"), "the decision, with its reasons: " + decision.getList("reasons"));
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
