package exchange.safeguarding.concern.messaging;

import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.kit.testing.InProcessKafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A concern accepted while Kafka is down is kept in the outbox and published once the broker is back. */
@QuarkusTest
class OutboxDuringBrokerOutageTest {

    @Inject
    EntityManager entityManager;

    @Test
    void anEventWrittenWhileKafkaIsDownIsPublishedWhenItIsBack() {
        InProcessKafkaResource.stopBroker();
        String id;
        try {
            id = given().header("Authorization", bearer(token("pat", "MEADOWBANK-CARE", "practitioner")))
                    .contentType(ContentType.JSON)
                    .body("""
                            {"adult": {"givenName": "Ada", "familyName": "Moss"}, "abuseTypes": ["NEGLECT_AND_ACTS_OF_OMISSION"], "whatHappened": "Missed medication twice.",
                             "urgency": "URGENT"}""")
                    .when().post("/concerns").then().statusCode(201).extract().path("id");
            assertEquals(2L, pending(id), "raised and routed, both waiting in the outbox while the broker is away");
        } finally {
            InProcessKafkaResource.startBroker();
        }
        var events = EventProbe.await(ConcernEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 2, Duration.ofSeconds(60));
        assertEquals(2, events.size(), "published once the broker is back");
        assertEquals(0L, pending(id));
    }

    private long pending(String concernId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from kit_outbox where message_key = :key and published_at is null")
                .setParameter("key", concernId).getSingleResult()).longValue());
    }
}
