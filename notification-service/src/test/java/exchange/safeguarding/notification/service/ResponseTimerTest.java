package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.kit.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** Response-time timers: a deadline passed without the follow-up is announced once; a met one never. */
@QuarkusTest
class ResponseTimerTest {

    final String owner = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @AfterEach
    void resetClock() {
        TestClock.CLOCK.reset();
    }

    void concernEvent(String concernId, String type, Instant responseDueAt) {
        concernEvent(concernId, type, responseDueAt, Instant.now());
    }

    void concernEvent(String concernId, String type, Instant responseDueAt, Instant at) {
        String due = responseDueAt == null ? "" : ",\"responseDueAt\":\"" + responseDueAt + "\"";
        EventProbe.publish("safeguarding.concerns", concernId, """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/concern-service",
                 "type":"%s","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"concernId":"%s","organisation":"%s","step":"LINE_MANAGER","owner":"%s"%s,
                         "recipients":[{"organisation":"%s","audience":"line-manager"}]}}"""
                .formatted(UUID.randomUUID(), type, at, concernId, concernId, owner, owner, due, owner));
    }

    @Test
    void aPassedDeadlineIsAnnouncedOnceAndAMetOneNever() {
        Instant due = TestClock.CLOCK.instant().plus(Duration.ofHours(1));
        String late = UUID.randomUUID().toString();
        String answered = UUID.randomUUID().toString();
        concernEvent(late, "concern.routed.v1", due);
        concernEvent(answered, "concern.routed.v1", due);
        concernEvent(answered, "concern.acknowledged.v1", null);
        String lead = bearer(token("lee", owner, "safeguarding-lead"));
        // Both routed events reached the inbox, so their timers are set; nothing is due yet.
        await().atMost(Duration.ofSeconds(20)).until(() -> given().header("Authorization", bearer(token("mo", owner, "line-manager")))
                .get("/inbox").then().extract().jsonPath().getList("type").stream().filter("concern.acknowledged.v1"::equals).count() == 1);

        // The timers are applied right after the inbox, in the same consumer; give that commit a moment.
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        TestClock.CLOCK.advance(Duration.ofHours(2));
        var breaches = EventProbe.await("safeguarding.notifications", e -> "sla.breached.v1".equals(e.path("type").asText())
                && owner.equals(e.path("data").path("owner").asText()), 1, Duration.ofSeconds(30));
        assertThat(breaches).singleElement().satisfies(e -> assertThat(e.path("subject").asText()).isEqualTo(late));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", lead).get("/inbox").then()
                .body("type", hasItem("sla.breached.v1")));
        // Several more checks pass: still exactly one breach, and none for the answered concern.
        var again = EventProbe.await("safeguarding.notifications", e -> "sla.breached.v1".equals(e.path("type").asText())
                && owner.equals(e.path("data").path("owner").asText()), 2, Duration.ofSeconds(8));
        assertThat(again).hasSize(1);
    }

    @Test
    void aFollowUpThatCameAfterTheDeadlineIsABreachEvenIfThisServiceReadsItLate() {
        // As after an outage: the check has not run past the deadline, but the acknowledgement says it came late.
        Instant due = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String concernId = UUID.randomUUID().toString();
        concernEvent(concernId, "concern.routed.v1", due);
        concernEvent(concernId, "concern.acknowledged.v1", null, due.plus(Duration.ofMinutes(5)));
        var breaches = EventProbe.await("safeguarding.notifications", e -> "sla.breached.v1".equals(e.path("type").asText())
                && concernId.equals(e.path("subject").asText()), 1, Duration.ofSeconds(30));
        assertThat(breaches).singleElement().satisfies(e ->
                assertThat(e.path("data").path("dueAt").asText()).isEqualTo(due.toString()));
        // An escalation on time, by contrast, just moves the deadline.
        String onTime = UUID.randomUUID().toString();
        concernEvent(onTime, "concern.routed.v1", due);
        concernEvent(onTime, "concern.escalated.v1", due.plus(Duration.ofHours(4)), due.minus(Duration.ofMinutes(1)));
        assertThat(EventProbe.await("safeguarding.notifications", e -> "sla.breached.v1".equals(e.path("type").asText())
                && onTime.equals(e.path("subject").asText()), 1, Duration.ofSeconds(6))).isEmpty();
    }
}
