package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.local.demo.DemoPartnership;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static exchange.safeguarding.deploy.system.Partnership.CHARITY;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo partnership the local platform seeds (the platform under test was started with it): what an
 * integration engineer finds, and that starting again on the same data changes nothing.
 */
class DemoPartnershipIT {

    static final List<String> PARTIES = List.of(Partnership.COUNCIL, Partnership.POLICE, Partnership.NHS, Partnership.AMBULANCE,
            Partnership.MEADOWBANK, Partnership.ORCHARD, Partnership.HOMES);

    @Test
    void seedingAgainOnTheSameDataCreatesNothing() {
        DemoPartnership.Report again = Partnership.platform().seedDemoPartnership();
        assertFalse(again.createdAnything(), "a second start created " + again.created());
        assertTrue(again.existing().stream().anyMatch(line -> line.contains(DemoPartnership.PROTOCOL_TITLE)), again.existing().toString());
        assertEquals(6, again.existing().stream().filter(line -> line.startsWith("concern about")).count(),
                "the demo concerns were recognised: " + again.existing());
    }

    @Test
    void everyOrganisationButTheCharityIsPartyToTheProtocol() {
        List<Map<String, Object>> agreements = given().header("Authorization", user(Partnership.ADMIN))
                .get(url(PlatformSettings.AGREEMENT, "/agreements")).then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.versions[0].terms.title == '" + DemoPartnership.PROTOCOL_TITLE + "' }");
        assertEquals(1, agreements.size(), "one protocol");
        List<String> parties = given().header("Authorization", user(Partnership.ADMIN))
                .get(url(PlatformSettings.AGREEMENT, "/agreements/" + agreements.get(0).get("id"))).then().statusCode(200)
                .extract().jsonPath().getList("versions[0].terms.parties.organisation");
        assertEquals(PARTIES, parties);
        // The charity's own people do not see it: it is not theirs.
        List<String> charityTitles = given().header("Authorization", user("charity.lead"))
                .get(url(PlatformSettings.AGREEMENT, "/agreements")).then().statusCode(200).extract().jsonPath()
                .getList("versions.flatten().terms.title");
        assertFalse(charityTitles.contains(DemoPartnership.PROTOCOL_TITLE));
        given().header("Authorization", user("charity.practitioner"))
                .get(url(PlatformSettings.AGREEMENT, "/organisations/" + CHARITY)).then().statusCode(200);
    }
}
