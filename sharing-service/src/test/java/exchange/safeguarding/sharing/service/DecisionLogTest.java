package exchange.safeguarding.sharing.service;

import exchange.safeguarding.sharing.support.Partnership;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;

/**
 * Scenario 10's audit half: the log refuses changes, and a change made behind its back is found and named. Entries
 * are staged by the deciding transaction and linked into the chain afterwards; nothing staged is lost, doubled or
 * changeable on the way.
 */
@QuarkusTest
class DecisionLogTest {

    @Inject
    AgroalDataSource dataSource;

    final Partnership partnership = new Partnership();
    final String care = partnership.organisation("CARE", "CARE_PROVIDER", "ACTIVE");
    final String council = partnership.organisation("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "ACTIVE");
    final UUID concernId = partnership.concern(care, council, "ROUTINE", List.of());
    final String nurse = bearer(token("nina", care, "practitioner"));

    @Test
    void anEntryAlteredBehindTheDatabasesBackIsDetectedAndNamed() throws SQLException {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", nurse).contentType(ContentType.JSON)
                    .body("{\"recipient\": \"%s\", \"concernId\": \"%s\", \"purpose\": \"COORDINATE_RESPONSES\", \"dataCategories\": [\"IDENTITY\"]}"
                            .formatted(council, concernId))
                    .post("/sharing-requests").then().statusCode(201).body("outcome", equalTo("REFUSED"));
        }
        String auditor = bearer(token("audrey", care, "auditor"));
        given().header("Authorization", auditor).get("/decision-log/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("entriesChecked", greaterThan(2)).body("firstAlteredEntry", nullValue());
        given().header("Authorization", nurse).get("/decision-log/verification").then().statusCode(403);

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            var last = s.executeQuery("select max(seq) from decision_log");
            last.next();
            long target = last.getLong(1) - 1;
            // The application cannot change or remove an entry, even as the table's owner.
            assertThatThrownBy(() -> s.executeUpdate("update decision_log set payload = '{}' where seq = " + target))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("delete from decision_log where seq = " + target))
                    .hasMessageContaining("append-only");

            // Someone with the power to switch the guard off changes an entry...
            var original = s.executeQuery("select payload from decision_log where seq = " + target);
            original.next();
            String payload = original.getString(1);
            s.execute("alter table decision_log disable trigger decision_log_no_update");
            s.executeUpdate("update decision_log set payload = replace(payload, 'REFUSED', 'APPROVED') where seq = " + target);
            s.execute("alter table decision_log enable trigger decision_log_no_update");
            try {
                given().header("Authorization", auditor).get("/decision-log/verification").then().statusCode(200)
                        .body("intact", equalTo(false))
                        .body("firstAlteredEntry", equalTo((int) target))
                        .body("problem", equalTo("entry " + target + " was altered after it was written"));
            } finally {
                // ...and the original is put back so the rest of the suite sees an intact chain.
                s.execute("alter table decision_log disable trigger decision_log_no_update");
                try (var restore = c.prepareStatement("update decision_log set payload = ? where seq = ?")) {
                    restore.setString(1, payload);
                    restore.setLong(2, target);
                    assertThat(restore.executeUpdate()).isEqualTo(1);
                }
                s.execute("alter table decision_log enable trigger decision_log_no_update");
            }
        }
        given().header("Authorization", auditor).get("/decision-log/verification").then().body("intact", equalTo(true));
    }

    @Test
    void decisionsMadeAtOnceAreEachChainedExactlyOnceInOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            made.add(pool.submit(() -> given().header("Authorization", nurse).contentType(ContentType.JSON)
                    .body("{\"recipient\": \"%s\", \"concernId\": \"%s\", \"purpose\": \"COORDINATE_RESPONSES\", \"dataCategories\": [\"IDENTITY\"]}"
                            .formatted(council, concernId))
                    .post("/sharing-requests").then().statusCode(201).extract().path("id")));
        }
        List<UUID> ids = new ArrayList<>();
        for (Future<String> f : made) {
            ids.add(UUID.fromString(f.get()));
        }
        pool.shutdown();

        // Verification links whatever is still waiting before it checks.
        String auditor = bearer(token("audrey", care, "auditor"));
        given().header("Authorization", auditor).get("/decision-log/verification").then().statusCode(200)
                .body("intact", equalTo(true)).body("firstAlteredEntry", nullValue());
        try (Connection c = dataSource.getConnection(); var query = c.prepareStatement("""
                select count(*), count(distinct seq) from decision_log
                where entry_type = 'SHARING_DECIDED' and subject_id = any(?)""")) {
            query.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            var counts = query.executeQuery();
            counts.next();
            assertThat(counts.getInt(1)).as("one chained entry per decision").isEqualTo(40);
            assertThat(counts.getInt(2)).isEqualTo(40);
            var waiting = c.prepareStatement("select count(*) from decision_log_pending where subject_id = any(?)");
            waiting.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            var left = waiting.executeQuery();
            left.next();
            assertThat(left.getInt(1)).as("nothing about them left waiting").isZero();
        }
    }

    @Test
    void aWaitingEntryCanBeNeitherChangedNorRemovedBeforeItIsChained() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // Uncommitted, so the linker cannot have taken it yet.
                var staged = s.executeQuery("""
                        insert into decision_log_pending (entry_type, subject_id, organisation, payload, recorded_at)
                        values ('SHARING_DECIDED', gen_random_uuid(), 'CARE', '{"outcome":"REFUSED"}', now()) returning id""");
                staged.next();
                long id = staged.getLong(1);
                s.execute("savepoint before_change");
                assertThatThrownBy(() -> s.executeUpdate("update decision_log_pending set payload = '{}' where id = " + id))
                        .hasMessageContaining("not in the chain yet");
                s.execute("rollback to savepoint before_change");
                assertThatThrownBy(() -> s.executeUpdate("delete from decision_log_pending where id = " + id))
                        .hasMessageContaining("not in the chain yet");
            } finally {
                c.rollback();
            }
        }
    }
}
