package exchange.safeguarding.concern.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static exchange.safeguarding.concern.ConcernFixtures.as;
import static exchange.safeguarding.concern.ConcernFixtures.concern;
import static exchange.safeguarding.concern.ConcernFixtures.raise;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The extract sharing-service discloses: exactly the categories asked for, to platform services only. */
@QuarkusTest
class DisclosureExtractResourceTest {

    @Test
    void onlyTheRequestedCategoriesAreReturnedAndOnlyToAPlatformService() {
        String id = raise(as("pat", "CARE-X", "practitioner"), concern("ROUTINE", "9434765919", null));
        String platform = as("service-account-platform-services", "PLATFORM", "platform-service");

        Map<String, Object> extract = given().header("Authorization", platform)
                .get("/extracts/concerns/" + id + "?category=IDENTITY&category=CONCERN_SUMMARY")
                .then().statusCode(200)
                .body("IDENTITY.nhsNumber", equalTo("9434765919"))
                .body("CONCERN_SUMMARY.concernId", equalTo(id))
                .extract().jsonPath().getMap("$");
        assertThat(extract).containsOnlyKeys("IDENTITY", "CONCERN_SUMMARY");
        assertThat(extract.toString()).doesNotContain("pat").doesNotContain("Wants to stay");

        given().header("Authorization", as("pat", "CARE-X", "practitioner", "safeguarding-lead"))
                .get("/extracts/concerns/" + id + "?category=IDENTITY").then().statusCode(403);
        given().header("Authorization", platform).get("/extracts/concerns/" + id + "?category=GOSSIP").then().statusCode(400)
                .body("errors.field", hasItem("category"));
        given().header("Authorization", platform).get("/extracts/concerns/" + id).then().statusCode(400);
        given().header("Authorization", platform).get("/extracts/concerns/00000000-0000-0000-0000-000000000000?category=IDENTITY")
                .then().statusCode(404);
    }
}
