package exchange.safeguarding.notification.rest;

import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The in-platform inbox: per organisation and role, read and acknowledged, and streamed live. */
@QuarkusTest
class InboxTest {

    @TestHTTPResource("/inbox/stream")
    URL stream;

    final String org = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    String routed(String concernId, String audience) {
        String eventId = UUID.randomUUID().toString();
        EventProbe.publish("safeguarding.concerns", concernId, """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/concern-service",
                 "type":"concern.routed.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"concernId":"%s","organisation":"%s","urgency":"ROUTINE","step":"LINE_MANAGER","owner":"%s",
                         "recipients":[{"organisation":"%s","audience":"%s"}]}}"""
                .formatted(eventId, Instant.now(), concernId, concernId, org, org, org, audience));
        return eventId;
    }

    @Test
    void messagesReachTheRoleThatMustActAndAreAcknowledgedOnce() {
        String concernId = UUID.randomUUID().toString();
        String eventId = routed(concernId, "line-manager");
        String manager = bearer(token("mo", org, "line-manager"));
        String id = await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", manager).get("/inbox")
                .then().statusCode(200).extract().jsonPath().getString("find { it.eventId == '" + eventId + "' }.id"),
                java.util.Objects::nonNull);
        given().header("Authorization", manager).get("/inbox").then()
                .body("find { it.id == '" + id + "' }.message.data.links.concern", endsWith(concernId))
                .body("find { it.id == '" + id + "' }.audience", equalTo("line-manager"));

        // A practitioner of the same organisation is not the audience; another organisation sees nothing.
        given().header("Authorization", bearer(token("pat", org, "practitioner"))).get("/inbox").then()
                .body("id", not(hasItem(id)));
        given().header("Authorization", bearer(token("pat", org, "practitioner"))).post("/inbox/" + id + "/read")
                .then().statusCode(404);
        given().header("Authorization", bearer(token("olly", "SOMEONE-ELSE", "line-manager"))).post("/inbox/" + id + "/read")
                .then().statusCode(404);

        given().header("Authorization", manager).post("/inbox/" + id + "/acknowledgement").then().statusCode(200)
                .body("acknowledgedBy", equalTo("mo")).body("readBy", equalTo("mo"));
        given().header("Authorization", bearer(token("max", org, "line-manager"))).post("/inbox/" + id + "/acknowledgement")
                .then().statusCode(200).body("acknowledgedBy", equalTo("mo"));
        given().header("Authorization", manager).get("/inbox?unacknowledged=true").then().body("id", not(hasItem(id)));
        given().get("/inbox").then().statusCode(401);
    }

    @Test
    void theStreamCarriesNewMessagesForTheCallerAsTheyArrive() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream.toString()))
                .header("Authorization", bearer(token("lee", org, "safeguarding-lead")))
                .header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> open = client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(open.statusCode()).isEqualTo(200);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() ->
                open.body().filter(line -> line.startsWith("data:")).findFirst().orElse(null));
        Thread.sleep(500);
        String notForMe = routed(UUID.randomUUID().toString(), "line-manager");
        String mine = routed(UUID.randomUUID().toString(), "safeguarding-lead");
        String line = first.get(20, TimeUnit.SECONDS);
        assertThat(line).contains(mine).doesNotContain(notForMe);
    }
}
