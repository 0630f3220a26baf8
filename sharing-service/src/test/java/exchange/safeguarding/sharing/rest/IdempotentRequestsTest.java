package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.sharing.support.Partnership;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * A gateway that retries after a lost answer sends the same Idempotency-Key: the sharing request is decided once
 * (so disclosed once) and the consent recorded once, and the retry gets what the first request made.
 */
@QuarkusTest
class IdempotentRequestsTest {

    final Partnership partnership = new Partnership();
    final String care = partnership.organisation("CARE", "CARE_PROVIDER", "ACTIVE");
    final String council = partnership.organisation("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "ACTIVE");
    final String gateway = bearer(token("gw-" + care, care, "gateway"));
    final UUID personId = UUID.randomUUID();

    @Test
    void aRetriedSharingRequestIsDecidedOnceAndAnsweredWithTheFirstDecision() throws Exception {
        partnership.agreement("ACTIVE", care, council, "COORDINATE_RESPONSES", List.of("IDENTITY"));
        String key = UUID.randomUUID().toString();
        String first = share(key, "IDENTITY").statusCode(201).header("Idempotent-Replayed", nullValue())
                .body("outcome", equalTo("REFUSED")).extract().path("id");
        // Byte-for-byte different JSON asking for the same thing is the same request.
        String again = given().header("Authorization", gateway).header("Acting-Person", "id=\"u-9\", name=\"Pat Lee\", role=\"practitioner\"")
                .header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("""
                        { "dataCategories": ["IDENTITY"], "purpose": "COORDINATE_RESPONSES",
                          "adult": {"personId": "%s"}, "recipient": "%s" }""".formatted(personId, council))
                .post("/sharing-requests").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString(first)).body("outcome", equalTo("REFUSED")).extract().path("id");
        assertThat(again).isEqualTo(first);

        // Retries racing each other still make one decision.
        String raced = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> share(raced, "IDENTITY").statusCode(201).extract().<String>path("id")));
        }
        Set<String> ids = new HashSet<>();
        for (Future<String> answer : answers) {
            ids.add(answer.get());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);

        // The same key for a different request is refused, and nothing is decided.
        share(key, "HEALTH").statusCode(422).contentType("application/problem+json").body("detail", containsString(key));
        given().header("Authorization", gateway).get("/sharing-requests").then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void aRetriedConsentRecordIsRecordedOnceAndKeysAreKeptPerOperation() {
        String key = UUID.randomUUID().toString();
        String first = consent(key, "GIVEN").statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        consent(key, "GIVEN").statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        consent(key, "REFUSED").statusCode(422).contentType("application/problem+json");
        given().header("Authorization", gateway).get("/consent-records?personId=" + personId).then().statusCode(200)
                .body("id", hasSize(1)).body("id", hasItem(first));

        // The same key on another operation is another request.
        partnership.agreement("ACTIVE", care, council, "COORDINATE_RESPONSES", List.of("IDENTITY"));
        share(key, "IDENTITY").statusCode(201).header("Idempotent-Replayed", nullValue()).body("outcome", equalTo("APPROVED"));
    }

    @Test
    void aMalformedKeyIsRefusedAndNamed() {
        for (String bad : List.of("has space", "x".repeat(256), "caf\u00e9")) {
            share(bad, "IDENTITY").statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("Idempotency-Key"));
            consent(bad, "GIVEN").statusCode(400).body("errors.field", hasItem("Idempotency-Key"));
        }
        given().header("Authorization", gateway).get("/sharing-requests").then().statusCode(200).body("$", hasSize(0));
        given().header("Authorization", gateway).get("/consent-records?personId=" + personId).then().body("$", hasSize(0));
    }

    ValidatableResponse share(String key, String category) {
        return given().header("Authorization", gateway).header("Acting-Person", "id=\"u-9\", name=\"Pat Lee\", role=\"practitioner\"")
                .header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("""
                        {"recipient": "%s", "adult": {"personId": "%s"}, "purpose": "COORDINATE_RESPONSES",
                         "dataCategories": ["%s"]}""".formatted(council, personId, category))
                .post("/sharing-requests").then();
    }

    ValidatableResponse consent(String key, String decision) {
        String scope = "GIVEN".equals(decision) ? """
                , "recipients": ["%s"], "dataCategories": ["IDENTITY"]""".formatted(council) : "";
        return given().header("Authorization", gateway).header("Acting-Person", "id=\"u-9\", name=\"Pat Lee\", role=\"practitioner\"")
                .header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("""
                        {"adult": {"personId": "%s", "givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
                         "decision": "%s", "purposes": ["COORDINATE_RESPONSES"]%s, "howObtained": "In person",
                         "confidentialityLimitsExplained": true}""".formatted(personId, decision, scope))
                .post("/consent-records").then();
    }
}
