package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.sharing.support.Partnership;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who has seen it: reads concern-service announces reach the owner's access log, and no one else's. */
@QuarkusTest
class AccessLogTest {

    @Test
    void theOwnersDataProtectionOfficerSeesWhoReadItsConcernAndAWhistleblowingConcernsReadsAreNotListedToIt() {
        Partnership partnership = new Partnership();
        String care = partnership.organisation("CARE", "CARE_PROVIDER", "ACTIVE");
        String police = partnership.organisation("POLICE", "POLICE", "ACTIVE");
        UUID concernId = UUID.randomUUID();
        UUID decision = UUID.randomUUID();
        UUID read = announce(concernId, care, police, false, decision);
        UUID whistleblowing = announce(UUID.randomUUID(), care, police, true, decision);

        String dpo = bearer(token("dee", care, "data-protection-officer"));
        JsonPath log = await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", dpo)
                .get("/access-log").then().statusCode(200).extract().jsonPath(), l -> l.getList("id").contains(read.toString()));
        String entry = "find { it.id == '" + read + "' }";
        assertThat(log.getString(entry + ".readerOrganisation")).isEqualTo(police);
        assertThat(log.getString(entry + ".readerName")).isEqualTo("pc.smith");
        assertThat(log.getList(entry + ".categories")).containsExactly("IDENTITY", "RISK_INFORMATION");
        assertThat(log.getList(entry + ".decisions")).containsExactly(decision.toString());
        assertThat(log.getList("id")).doesNotContain(whistleblowing.toString());
        assertThat(given().header("Authorization", dpo).get("/access-log?concernId=" + concernId).then().statusCode(200)
                .extract().jsonPath().getList("id")).containsExactly(read.toString());

        // Another organisation's officers, and the care home's practitioners, see nothing of it.
        given().header("Authorization", bearer(token("dai", police, "data-protection-officer"))).get("/access-log")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", bearer(token("pat", care, "practitioner"))).get("/access-log").then().statusCode(403);
        given().header("Authorization", dpo).get("/access-log?concernId=not-a-uuid").then().statusCode(400);
    }

    private static UUID announce(UUID concernId, String owner, String reader, boolean confidential, UUID decision) {
        UUID readId = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("readId", readId);
        data.put("what", "CONCERN");
        data.put("concernId", concernId);
        data.put("owner", owner);
        data.put("confidential", confidential);
        data.put("adultPersonId", UUID.randomUUID());
        data.put("reader", reader);
        data.put("readerSubject", "subject-pc-smith");
        data.put("readerName", "pc.smith");
        data.put("categories", List.of("IDENTITY", "RISK_INFORMATION"));
        data.put("decisions", List.of(decision));
        data.put("at", Instant.now());
        Partnership.publish("safeguarding.concerns", concernId.toString(), "access.read.v1", data);
        return readId;
    }
}
