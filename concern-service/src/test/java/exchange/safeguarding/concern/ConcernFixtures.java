package exchange.safeguarding.concern;

import exchange.safeguarding.kit.testing.EventProbe;
import io.restassured.http.ContentType;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** A partnership set up the way agreement-service announces it, and concerns raised through the API. */
public final class ConcernFixtures {

    /** A distinct area per test partnership, so tests do not see each other's local authority. */
    public record Partnership(String area, String care, String council, String police, String ambulance, String nhs) {
    }

    private ConcernFixtures() {
    }

    public static Partnership partnership() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String area = "Area " + suffix;
        Partnership p = new Partnership(area, "CARE-" + suffix, "ASC-" + suffix, "POL-" + suffix, "AMB-" + suffix, "NHS-" + suffix);
        announce(p.care(), "CARE_PROVIDER", area);
        announce(p.council(), "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", area);
        announce(p.police(), "POLICE", area);
        announce(p.ambulance(), "AMBULANCE", area);
        announce(p.nhs(), "NHS_TRUST", area);
        // Wait until the replica has them all (they travel on different partitions): routing needs them.
        await().atMost(Duration.ofSeconds(30)).until(() -> known(p.care()) && known(p.council()) && known(p.police())
                && known(p.ambulance()) && known(p.nhs()));
        return p;
    }

    static boolean known(String code) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                jakarta.enterprise.inject.spi.CDI.current().select(exchange.safeguarding.concern.repository.KnownOrganisationRepository.class)
                        .get().findById(code) != null);
    }

    /** organisation.activated.v1 as agreement-service publishes it, with a route of short response times. */
    static void announce(String code, String type, String area) {
        String route = """
                [{"step": "LINE_MANAGER", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT4H", "ROUTINE": "PT24H", "LOW_LEVEL": "PT72H"}},
                 {"step": "SAFEGUARDING_LEAD", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT4H", "ROUTINE": "PT12H", "LOW_LEVEL": "PT72H"}},
                 {"step": "LOCAL_AUTHORITY", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT8H", "ROUTINE": "PT24H", "LOW_LEVEL": "PT72H"}}]""";
        EventProbe.publish("safeguarding.agreements", code, """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/agreement-service","type":"organisation.activated.v1",
                 "time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"code":"%s","name":"Org %s","type":"%s","areaServed":"%s","status":"ACTIVE","missing":[],
                         "escalationRoute":%s}}""".formatted(UUID.randomUUID(), Instant.now(), code, code, code, type, area, route));
    }

    public static String as(String user, String organisation, String... roles) {
        return bearer(token(user, organisation, roles));
    }

    /** A concern about a different adult each time (tests must not build patterns by accident). */
    public static String concern(String urgency, String nhsNumber, String extra) {
        return concernAbout("Clarke" + randomLetters(), urgency, nhsNumber, extra);
    }

    public static String randomLetters() {
        StringBuilder letters = new StringBuilder();
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 8; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    public static String concernAbout(String familyName, String urgency, String nhsNumber, String extra) {
        return """
                {"adult": {"givenName": "Edith", "familyName": "%s", "dateOfBirth": "1941-03-02",
                           "nhsNumber": %s, "postcode": "NS1 4AB"},
                 "abuseTypes": ["PHYSICAL", "PSYCHOLOGICAL"],
                 "location": {"type": "CARE_HOME_RESIDENTIAL", "settingName": "Home %s"},
                 "sourceOfRisk": "KNOWN_TO_INDIVIDUAL",
                 "whatHappened": "Bruising on both forearms; says a visitor grabbed her.",
                 "immediateActions": "Visitor asked to leave", "urgency": "%s",
                 "viewsAndWishes": "Wants to stay at Meadowbank", "desiredOutcomes": "To feel safe with visitors",
                 "capacity": {"lackedCapacity": "NO"}, "emergencyServicesContacted": false%s}"""
                .formatted(familyName, nhsNumber == null ? "null" : "\"" + nhsNumber + "\"", randomLetters(), urgency, extra == null ? "" : ", " + extra);
    }

    public static String raise(String auth, String body) {
        return given().header("Authorization", auth).contentType(ContentType.JSON).body(body)
                .when().post("/concerns").then().statusCode(201).extract().path("id");
    }

    /** A valid NHS number made from a 9-digit seed (Modulus 11 check digit appended). */
    public static String nhsNumber(long seed) {
        for (long base = seed; ; base++) {
            String nine = String.format("%09d", base % 1_000_000_000L);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
