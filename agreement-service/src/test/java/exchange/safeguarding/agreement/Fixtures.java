package exchange.safeguarding.agreement;

import io.restassured.http.ContentType;

import java.time.LocalDate;
import java.util.UUID;

import static exchange.safeguarding.kit.testing.TestTokens.bearer;
import static exchange.safeguarding.kit.testing.TestTokens.token;
import static io.restassured.RestAssured.given;

/** Organisations and agreements set up through the public API, as an administrator would. */
public final class Fixtures {

    public static final String ADMIN = bearer(token("ada", "NORTHSHIRE-ASC", "protocol-admin"));

    private Fixtures() {
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static String lead(String organisation) {
        return bearer(token("lead-of-" + organisation, organisation, "safeguarding-lead"));
    }

    public static void register(String code, String type) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("""
                        {"code": "%s", "name": "Org %s", "type": "%s", "areaServed": "Northshire"}""".formatted(code, code, type))
                .when().post("/organisations").then().statusCode(201);
    }

    public static String setUp(LocalDate policyReview) {
        return """
                {"safeguardingLead": {"name": "Carla Chambers", "role": "Designated Safeguarding Lead",
                                      "email": "lead@example.org", "phone": "01632 960123"},
                 "whistleblowingPolicy": {"reference": "https://example.org/whistleblowing.pdf", "owner": "Head of HR",
                                          "reviewDate": "%s"},
                 "escalationRoute": [
                   {"step": "LINE_MANAGER", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT4H", "ROUTINE": "PT24H", "LOW_LEVEL": "PT72H"}},
                   {"step": "SAFEGUARDING_LEAD", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT4H", "ROUTINE": "PT24H", "LOW_LEVEL": "PT72H"}},
                   {"step": "LOCAL_AUTHORITY", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT8H", "ROUTINE": "P1D", "LOW_LEVEL": "P3D"}}]}"""
                .formatted(policyReview);
    }

    /** A registered organisation with a complete safeguarding set-up: active. */
    public static String activeOrganisation(String prefix, String type) {
        String code = uniqueCode(prefix);
        register(code, type);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(setUp(LocalDate.now().plusYears(1)))
                .when().put("/organisations/" + code + "/safeguarding-setup").then().statusCode(200);
        return code;
    }

    public static String terms(String first, String second, LocalDate effectiveFrom, LocalDate reviewDate, String effectiveTo) {
        return """
                {"title": "Northshire adult safeguarding protocol",
                 "parties": [{"organisation": "%s", "controllerRelationship": "SEPARATE_CONTROLLERS"},
                             {"organisation": "%s", "controllerRelationship": "SEPARATE_CONTROLLERS"}],
                 "purposes": [
                   {"purpose": "COORDINATE_RESPONSES", "article6Basis": "PUBLIC_TASK_6_1_E",
                    "article9Condition": "SUBSTANTIAL_PUBLIC_INTEREST_9_2_G",
                    "schedule1Condition": "SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18",
                    "dataCategories": ["IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION", "HEALTH"]},
                   {"purpose": "IDENTIFY_LOW_LEVEL_CONCERNS", "article6Basis": "PUBLIC_TASK_6_1_E",
                    "dataCategories": ["IDENTITY", "CONCERN_SUMMARY"]}],
                 "retentionPeriod": "P6Y", "retentionAndDeletion": "Deleted securely six years after closure",
                 "security": "Platform transfers only; role-based access", "dpiaReference": "DPIA-2026-014",
                 "subjectRightsContact": "dpo@example.org", "breachContact": "breach@example.org",
                 "effectiveFrom": "%s", "reviewDate": "%s", "effectiveTo": %s}"""
                .formatted(first, second, effectiveFrom, reviewDate, effectiveTo == null ? "null" : "\"" + effectiveTo + "\"");
    }

    public static String draft(String terms) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(terms)
                .when().post("/agreements").then().statusCode(201).extract().path("agreementId");
    }

    public static void sign(String agreementId, int version, String organisation) {
        given().header("Authorization", lead(organisation)).contentType(ContentType.JSON)
                .body("{\"signatoryName\": \"Dr Ruth Evans\", \"signatoryRole\": \"Director\"}")
                .when().post("/agreements/" + agreementId + "/versions/" + version + "/signatures").then().statusCode(200);
    }
}
