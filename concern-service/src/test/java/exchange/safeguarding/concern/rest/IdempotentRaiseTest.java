package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static exchange.safeguarding.concern.ConcernFixtures.as;
import static exchange.safeguarding.concern.ConcernFixtures.concern;
import static exchange.safeguarding.concern.ConcernFixtures.concernAbout;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A gateway that retries POST /concerns with the same Idempotency-Key raises the concern once. */
@QuarkusTest
class IdempotentRaiseTest {

    static final String CARE = "MEADOWBANK-CARE";
    static final String POLICE = "NORTHSHIRE-POLICE";

    private static Response post(String auth, String key, String body) {
        var request = given().header("Authorization", auth).header("Acting-Person", ACTING).contentType(ContentType.JSON).body(body);
        return (key == null ? request : request.header("Idempotency-Key", key)).when().post("/concerns");
    }

    /** The member of staff behind the gateway (ignored for a person's own token). */
    static final String ACTING = "id=\"u-17\", name=\"Sam Carter\", role=\"practitioner\"";

    @Test
    void aRetryWithTheSameKeyGetsTheSameConcernAndNothingIsRaisedTwice() {
        String gateway = as("service-account-gateway-meadowbank", CARE, "gateway");
        String key = UUID.randomUUID().toString();
        String body = concern("ROUTINE", null, null);
        Response first = post(gateway, key, body);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        String id = first.path("id");

        // The same request again, spaced differently: still the same request.
        Response again = post(gateway, key, body.replace("\n", " ").replace(":", " : "));
        again.then().statusCode(201).header("Location", containsString("/concerns/" + id))
                .header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(id))
                .body("raisedAt", equalTo(first.<String>path("raisedAt")));

        var events = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 2, Duration.ofSeconds(20));
        assertEquals(List.of(ConcernEvents.RAISED, ConcernEvents.ROUTED), events.stream().map(e -> e.path("type").asText()).toList());
        String familyName = first.path("adult.familyName");
        List<String> stored = given().header("Authorization", gateway).queryParam("size", 200).get("/concerns")
                .then().statusCode(200).extract().path("findAll { it.adult.familyName == '" + familyName + "' }.id");
        assertEquals(List.of(id), stored, "one concern about the adult");
    }

    @Test
    void theSameKeyForADifferentConcernIsRefusedAndRaisesNothing() {
        String practitioner = as("pat", CARE, "practitioner");
        String key = UUID.randomUUID().toString();
        String id = post(practitioner, key, concern("URGENT", null, null)).then().statusCode(201).extract().path("id");
        String other = concernAbout("Unraised" + UUID.randomUUID().toString().substring(0, 8).replaceAll("[0-9-]", "x"),
                "URGENT", null, null);
        post(practitioner, key, other).then().statusCode(422).contentType("application/problem+json")
                .body("status", equalTo(422)).body("detail", containsString(key));
        given().header("Authorization", practitioner).queryParam("size", 200).get("/concerns").then()
                .body("id", hasItem(id)).body("adult.familyName", org.hamcrest.Matchers.not(hasItem(containsString("Unraised"))));
    }

    @Test
    void keysBelongToTheOrganisationThatSentThem() {
        String key = UUID.randomUUID().toString();
        String body = concern("ROUTINE", null, null);
        String care = post(as("pat", CARE, "practitioner"), key, body).then().statusCode(201).extract().path("id");
        Response police = post(as("pc", POLICE, "practitioner"), key, body);
        police.then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("organisation", equalTo(POLICE));
        assertNotEquals(care, police.path("id"));
    }

    @Test
    void retriesRacingEachOtherStoreOneConcern() throws Exception {
        String gateway = as("service-account-gateway-meadowbank", CARE, "gateway");
        String key = UUID.randomUUID().toString();
        String body = concern("ROUTINE", null, null);
        ExecutorService senders = Executors.newFixedThreadPool(6);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(senders.submit((Callable<Response>) () -> post(gateway, key, body)));
            }
            Set<String> ids = answers.stream().map(f -> {
                try {
                    Response answer = f.get();
                    answer.then().statusCode(201);
                    return answer.<String>path("id");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).collect(Collectors.toSet());
            assertEquals(1, ids.size(), "every racing retry got the same concern: " + ids);
        } finally {
            senders.shutdown();
        }
    }

    @Test
    void aKeyThatIsNotVisibleAsciiOrTooLongIsRefusedAndRaisesNothing() {
        String practitioner = as("pat", CARE, "practitioner");
        for (String key : List.of("has space", "x".repeat(256), "é-accent")) {
            post(practitioner, key, concern("ROUTINE", null, null)).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("Idempotency-Key"));
        }
    }
}
