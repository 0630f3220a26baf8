package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.system.ScenarioSteps.Adult;
import exchange.safeguarding.deploy.system.ScenarioSteps.Concern;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static exchange.safeguarding.deploy.system.Partnership.CHARITY;
import static exchange.safeguarding.deploy.system.Partnership.COUNCIL;
import static exchange.safeguarding.deploy.system.Partnership.POLICE;
import static exchange.safeguarding.deploy.system.Partnership.awaitReplicated;
import static exchange.safeguarding.deploy.system.Partnership.platform;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static exchange.safeguarding.deploy.system.ScenarioSteps.assertOutcome;
import static exchange.safeguarding.deploy.system.ScenarioSteps.awaitDisclosureMade;
import static exchange.safeguarding.deploy.system.ScenarioSteps.giveConsent;
import static exchange.safeguarding.deploy.system.ScenarioSteps.millisSince;
import static exchange.safeguarding.deploy.system.ScenarioSteps.raise;
import static exchange.safeguarding.deploy.system.ScenarioSteps.request;
import static exchange.safeguarding.deploy.system.ScenarioSteps.share;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 10, subject access and audit. Meadowbank Care shares about one adult with the council (with her
 * consent) and the police (without it, approved by its safeguarding lead), and decides not to share with a charity
 * that has no agreement. Its data protection officer exports everything about her: every decision and every
 * disclosure with exactly what was sent; nobody else may. Then someone with database access alters the stored record
 * of the police disclosure, as an attacker would (switching the append-only guard off); verification finds it and
 * names the entry. The original is put back, because every other test shares this log.
 */
class Scenario10SubjectAccessAuditIT {

    @Test
    void everyDecisionAndDisclosureAboutOneAdultIsExportedAndAnAlteredLogEntryIsFound() throws SQLException {
        awaitReplicated();
        String practitioner = user("care.practitioner");
        Adult adult = Adult.invented("Agnes", "Fairbrother", "1939-11-03", "NS2 8LP");
        Concern concern = raise(practitioner, adult, "URGENT",
                "A man who says he is her new partner has moved in; she has stopped coming to the day centre.");
        String consentId = giveConsent(practitioner, adult, concern.personId(), "COORDINATE_RESPONSES", List.of(COUNCIL),
                List.of("IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION"));

        JsonPath toCouncil = share(practitioner, request(COUNCIL, concern.id(), "COORDINATE_RESPONSES",
                List.of("IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION")));
        assertOutcome("APPROVED", toCouncil);
        JsonPath toCharity = share(practitioner, request(CHARITY, concern.id(), "COORDINATE_RESPONSES", List.of("IDENTITY")));
        assertOutcome("REFUSED", toCharity);
        Map<String, Object> toPoliceBody = new LinkedHashMap<>(request(POLICE, concern.id(),
                "IDENTIFY_RISK_AND_REDUCE_OFFENDING", List.of("IDENTITY", "RISK_INFORMATION")));
        toPoliceBody.put("ground", "RISK_TO_OTHERS");
        toPoliceBody.put("justification", "He is known to target isolated older women; others at the day centre are at risk");
        JsonPath toPolice = share(practitioner, toPoliceBody);
        assertOutcome("PENDING_APPROVAL", toPolice);
        given().header("Authorization", user("care.lead")).contentType(ContentType.JSON)
                .body(Map.of("note", "Risk to others outweighs her wish; she will be told"))
                .post(url(PlatformSettings.SHARING, "/sharing-requests/" + toPolice.getString("id") + "/approval"))
                .then().statusCode(200).body("outcome", equalTo("APPROVED"));
        String councilDisclosure = (String) awaitDisclosureMade(practitioner, toCouncil.getString("id")).get("id");
        String policeDisclosure = (String) awaitDisclosureMade(practitioner, toPolice.getString("id")).get("id");

        // The data protection officer exports everything Meadowbank holds about her.
        JsonPath export = given().header("Authorization", user("care.dpo"))
                .queryParam("personId", concern.personId()).get(url(PlatformSettings.SHARING, "/subject-access"))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("MEADOWBANK-CARE", export.getString("organisation"));
        assertEquals("care.dpo", export.getString("exportedBy"));
        assertEquals(List.of(consentId), export.getList("consentHistory.id"));
        assertEquals(List.of(toCouncil.getString("id"), toCharity.getString("id"), toPolice.getString("id")),
                export.getList("decisions.id"), "every decision about her, to share or not, in order");
        assertEquals(List.of("APPROVED", "REFUSED", "APPROVED"), export.getList("decisions.outcome"));
        assertTrue(export.getString("decisions[1].reasons").contains("no information sharing agreement"),
                "the decision not to share says why: " + export.getString("decisions[1].reasons"));
        assertEquals("RISK_TO_OTHERS", export.getString("decisions[2].ground"));
        assertEquals("care.lead", export.getString("decisions[2].decidedBy"));
        assertEquals(List.of(councilDisclosure, policeDisclosure), export.getList("disclosures.id"));
        assertEquals(List.of(COUNCIL, POLICE), export.getList("disclosures.recipient"));
        assertEquals(List.of(toPolice.getString("id")), export.getList("informThePerson.requestId"),
                "she is to be told of the sharing without her consent");
        // Exactly what each recipient received: the same data the recipient itself reads.
        assertEquals(receivedBy("asc.officer", councilDisclosure), export.getMap("disclosures[0].data"));
        assertEquals(receivedBy("police.lead", policeDisclosure), export.getMap("disclosures[1].data"));
        assertEquals(adult.familyName(), export.getString("disclosures[0].data.IDENTITY.familyName"));
        assertEquals(List.of("IDENTITY", "RISK_INFORMATION"), export.getList("disclosures[1].categories"));

        // Nobody else may export: not her practitioner or the lead, not the council's auditor, not the police.
        for (String someoneElse : List.of("care.practitioner", "care.lead", "asc.auditor", "police.lead", "asc.officer")) {
            given().header("Authorization", user(someoneElse)).queryParam("personId", concern.personId())
                    .get(url(PlatformSettings.SHARING, "/subject-access")).then().statusCode(403);
        }
        // Another organisation's Caldicott guardian exports only what their own organisation holds: nothing about her.
        given().header("Authorization", user("nhs.caldicott")).queryParam("personId", concern.personId())
                .get(url(PlatformSettings.SHARING, "/subject-access")).then().statusCode(200)
                .body("organisation", equalTo("NORTHSHIRE-NHS")).body("consentHistory", empty())
                .body("decisions", empty()).body("disclosures", empty());
        given().header("Authorization", user("care.dpo")).get(url(PlatformSettings.SHARING, "/subject-access"))
                .then().statusCode(400);

        // The log verifies as intact.
        String auditor = user("asc.auditor");
        given().header("Authorization", auditor).get(url(PlatformSettings.SHARING, "/decision-log/verification"))
                .then().statusCode(200).body("intact", equalTo(true)).body("firstAlteredEntry", nullValue());
        given().header("Authorization", practitioner).get(url(PlatformSettings.SHARING, "/decision-log/verification"))
                .then().statusCode(403);

        // Someone with access to the database rewrites the record of the police disclosure to hide where it went.
        try (Connection database = SharingDatabase.connect(platform())) {
            long entry = SharingDatabase.entryOf(database, policeDisclosure, "DISCLOSURE_MADE");
            String original = SharingDatabase.payload(database, entry);
            assertTrue(original.contains(POLICE), original);
            SQLException refused = assertThrows(SQLException.class, () -> SharingDatabase.overwrite(database, entry,
                    original.replace(POLICE, COUNCIL), false));
            assertTrue(refused.getMessage().contains("append-only"), "the guard refuses a plain update: " + refused.getMessage());
            try {
                SharingDatabase.overwrite(database, entry, original.replace(POLICE, COUNCIL), true);
                assertNotEquals(original, SharingDatabase.payload(database, entry), "the stored entry was altered");

                long verifying = System.nanoTime();
                JsonPath verification = given().header("Authorization", auditor)
                        .get(url(PlatformSettings.SHARING, "/decision-log/verification"))
                        .then().statusCode(200).body("intact", equalTo(false))
                        .body("firstAlteredEntry", equalTo((int) entry))
                        .body("problem", equalTo("entry " + entry + " was altered after it was written"))
                        .extract().jsonPath();
                System.out.printf("scenario 10: verification named altered entry %d after checking %d entries, in %d ms%n",
                        entry, verification.getLong("entriesChecked"), millisSince(verifying));
                given().header("Authorization", user("care.caldicott"))
                        .get(url(PlatformSettings.SHARING, "/decision-log/verification"))
                        .then().statusCode(200).body("intact", equalTo(false)).body("firstAlteredEntry", equalTo((int) entry));
            } finally {
                SharingDatabase.overwrite(database, entry, original, true);
            }
            assertEquals(original, SharingDatabase.payload(database, entry));
        }
        given().header("Authorization", auditor).get(url(PlatformSettings.SHARING, "/decision-log/verification"))
                .then().statusCode(200).body("intact", equalTo(true)).body("firstAlteredEntry", nullValue());
    }

    private static Map<String, Object> receivedBy(String username, String disclosureId) {
        return given().header("Authorization", user(username)).get(url(PlatformSettings.SHARING, "/disclosures/" + disclosureId))
                .then().statusCode(200).extract().jsonPath().getMap("data");
    }

    /**
     * sharing-service's own database in the platform's embedded PostgreSQL, reached as its superuser would. The
     * launcher does not expose its settings, but the system tests' platform is {@link PlatformSettings#isolated}
     * on a block of ports, which the service URLs reveal.
     */
    static final class SharingDatabase {

        private SharingDatabase() {
        }

        static Connection connect(LocalPlatform platform) throws SQLException {
            int agreementPort = URI.create(platform.serviceUrl(PlatformSettings.AGREEMENT)).getPort();
            // In an isolated platform PostgreSQL has the block's first port, agreement-service the fifth.
            PlatformSettings settings = PlatformSettings.isolated(Path.of("."), Path.of("."), agreementPort - 4);
            assertEquals(platform.serviceUrl(PlatformSettings.SHARING), settings.serviceUrl(PlatformSettings.SHARING),
                    "the platform runs on the isolated block of ports");
            return DriverManager.getConnection(settings.jdbcBase() + "/sharing", settings.postgresUser(),
                    settings.postgresPassword());
        }

        static long entryOf(Connection database, String subjectId, String entryType) throws SQLException {
            try (PreparedStatement find = database.prepareStatement(
                    "select seq from decision_log where subject_id = ?::uuid and entry_type = ?")) {
                find.setString(1, subjectId);
                find.setString(2, entryType);
                try (ResultSet rows = find.executeQuery()) {
                    assertTrue(rows.next(), "the log holds a " + entryType + " entry for " + subjectId);
                    return rows.getLong(1);
                }
            }
        }

        static String payload(Connection database, long seq) throws SQLException {
            try (PreparedStatement read = database.prepareStatement("select payload from decision_log where seq = ?")) {
                read.setLong(1, seq);
                try (ResultSet rows = read.executeQuery()) {
                    rows.next();
                    return rows.getString(1);
                }
            }
        }

        /**
         * Rewrites one entry's payload. With {@code disablingTheGuard}, as the database's superuser can: the
         * append-only trigger is switched off and on again inside one transaction, so no other session ever sees
         * the table unguarded.
         */
        static void overwrite(Connection database, long seq, String payload, boolean disablingTheGuard) throws SQLException {
            database.setAutoCommit(false);
            try (Statement ddl = database.createStatement();
                 PreparedStatement update = database.prepareStatement("update decision_log set payload = ? where seq = ?")) {
                if (disablingTheGuard) {
                    ddl.execute("alter table decision_log disable trigger decision_log_no_update");
                }
                update.setString(1, payload);
                update.setLong(2, seq);
                assertEquals(1, update.executeUpdate());
                if (disablingTheGuard) {
                    ddl.execute("alter table decision_log enable trigger decision_log_no_update");
                }
                database.commit();
            } catch (SQLException | RuntimeException | AssertionError e) {
                database.rollback();
                throw e;
            } finally {
                database.setAutoCommit(true);
            }
        }
    }
}
