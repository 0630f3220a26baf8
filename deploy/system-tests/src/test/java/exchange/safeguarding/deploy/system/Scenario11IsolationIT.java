package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.system.ScenarioSteps.Adult;
import exchange.safeguarding.deploy.system.ScenarioSteps.Concern;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static exchange.safeguarding.deploy.system.Partnership.CHARITY;
import static exchange.safeguarding.deploy.system.Partnership.COUNCIL;
import static exchange.safeguarding.deploy.system.Partnership.HOMES;
import static exchange.safeguarding.deploy.system.Partnership.ORCHARD;
import static exchange.safeguarding.deploy.system.Partnership.awaitReplicated;
import static exchange.safeguarding.deploy.system.Partnership.gateway;
import static exchange.safeguarding.deploy.system.Partnership.gatewayOf;
import static exchange.safeguarding.deploy.system.Partnership.url;
import static exchange.safeguarding.deploy.system.Partnership.user;
import static exchange.safeguarding.deploy.system.Partnership.verified;
import static exchange.safeguarding.deploy.system.Partnership.webhook;
import static exchange.safeguarding.deploy.system.ScenarioSteps.assertOutcome;
import static exchange.safeguarding.deploy.system.ScenarioSteps.awaitDisclosureMade;
import static exchange.safeguarding.deploy.system.ScenarioSteps.giveConsent;
import static exchange.safeguarding.deploy.system.ScenarioSteps.raise;
import static exchange.safeguarding.deploy.system.ScenarioSteps.request;
import static exchange.safeguarding.deploy.system.ScenarioSteps.share;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 11, isolation. Orchard Care raises a concern about an adult, records her consent, and discloses
 * some of it to Northshire Homes and some to the council. Northshire Homes, and the charity Brighter Days (party to
 * no agreement), then try everything: Orchard's concern, its person record, the consent, the sharing requests, the
 * council's disclosure, Orchard's deliveries, inbox and routing rules, and an agreement the charity is not party to.
 * Every object answers 404 as if it did not exist, every list leaves it out, and their gateways receive nothing about
 * it; but Northshire Homes reads exactly the disclosure made to it, and nothing more.
 */
class Scenario11IsolationIT {

    private static final String PURPOSE = "COORDINATE_RESPONSES";
    private static final String ORCHARD_DUTY_TEAM = "duty-team@orchard-care.example";
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(30);

    @Test
    void noAgencyReadsListsOrReceivesAnotherAgencysRecordsUnlessDisclosedToIt() {
        GatewayReceiver orchardGateway = gatewayOf(ORCHARD);
        GatewayReceiver homesGateway = gatewayOf(HOMES);
        GatewayReceiver charityGateway = gatewayOf(CHARITY);
        GatewayReceiver councilGateway = gatewayOf(COUNCIL);
        awaitReplicated();

        // Orchard's records about one adult.
        String practitioner = user("orchard.practitioner");
        Adult adult = Adult.invented("Lilian", "Thorncroft", "1942-06-27", "NS4 1RB");
        Concern concern = raise(practitioner, adult, "ROUTINE",
                "Her son shouts at her when he visits and she has asked staff to keep him away.");
        String consentId = giveConsent(practitioner, adult, concern.personId(), PURPOSE, List.of(HOMES, COUNCIL),
                List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY"));
        JsonPath toHomes = share(practitioner, request(HOMES, concern.id(), PURPOSE, List.of("IDENTITY", "CONTACT", "HEALTH")));
        assertOutcome("APPROVED", toHomes);
        assertEquals(Set.of("CONTACT", "IDENTITY"), Set.copyOf(toHomes.getList("releasedCategories")), "health was not consented to");
        JsonPath toCouncil = share(practitioner, request(COUNCIL, concern.id(), PURPOSE, List.of("IDENTITY", "CONCERN_SUMMARY")));
        assertOutcome("APPROVED", toCouncil);
        String homesDisclosure = (String) awaitDisclosureMade(practitioner, toHomes.getString("id")).get("id");
        String councilDisclosure = (String) awaitDisclosureMade(practitioner, toCouncil.getString("id")).get("id");

        // What Orchard and the council were sent, so the others can try to reach it.
        var raisedWebhook = orchardGateway.await(webhook("concern.raised.v1", concern.id()), 1, TOLD_WITHIN);
        assertEquals(1, raisedWebhook.size(), "Orchard's gateway hears of its own concern");
        String orchardDelivery = raisedWebhook.get(0).header("webhook-id");
        var councilWebhook = councilGateway.await(webhook("disclosure.made.v1", councilDisclosure), 1, TOLD_WITHIN);
        assertEquals(1, councilWebhook.size(), "the council's gateway hears of its disclosure");
        String councilDelivery = councilWebhook.get(0).header("webhook-id");
        String orchardInboxMessage = await("Orchard's inbox holds the concern").atMost(TOLD_WITHIN)
                .until(() -> inbox(gateway(ORCHARD)).stream().filter(m -> concern.id().equals(m.get("subject")))
                        .map(m -> (String) m.get("id")).findFirst().orElse(null), id -> id != null);
        String protocolId = demoProtocolId();

        // Northshire Homes is told of the disclosure made to it, and reads exactly that, through the link.
        var homesWebhooks = homesGateway.await(webhook("disclosure.made.v1", homesDisclosure), 1, TOLD_WITHIN);
        assertEquals(1, homesWebhooks.size(), "Northshire Homes is told of the disclosure made to it");
        JsonNode told = verified(HOMES, homesWebhooks.get(0));
        JsonPath disclosed = given().header("Authorization", gateway(HOMES))
                .get(told.path("data").path("links").path("disclosure").asText()).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(Set.of("CONTACT", "IDENTITY"), Set.copyOf(disclosed.getList("categories")));
        assertEquals(Set.of("CONTACT", "IDENTITY"), disclosed.getMap("data").keySet(), "only what was released");
        assertEquals(adult.familyName(), disclosed.getString("data.IDENTITY.familyName"));
        given().header("Authorization", user("homes.lead")).get(sharing("/disclosures/" + homesDisclosure))
                .then().statusCode(200).body("recipient", equalTo(HOMES));

        Map<String, String> outsiders = Map.of(
                "homes.lead", user("homes.lead"), "homes.practitioner", user("homes.practitioner"),
                "gateway-northshire-homes", gateway(HOMES),
                "charity.lead", user("charity.lead"), "gateway-brighter-days", gateway(CHARITY));
        outsiders.forEach((who, token) -> {
            // Orchard's concern and its history: as if they did not exist, and missing from lists.
            hidden(who, token, "GET", concerns("/concerns/" + concern.id()));
            hidden(who, token, "GET", concerns("/concerns/" + concern.id() + "/steps"));
            notListed(who, token, concerns("/concerns?size=200"), "id", concern.id());
            // The person record: the chronology is empty, exactly as for a person who does not exist.
            assertEquals(List.of(), given().header("Authorization", token)
                    .get(concerns("/persons/" + concern.personId() + "/chronology")).then().statusCode(200)
                    .extract().jsonPath().getList(""), who + " sees nothing of Orchard's adult");
            // The consent and the sharing requests are Orchard's records, even the one about sharing with Homes.
            hidden(who, token, "GET", sharing("/consent-records/" + consentId));
            hidden(who, token, "GET", sharing("/consent-records/" + consentId + "/withdrawal-notices"));
            notListed(who, token, sharing("/consent-records?size=200"), "id", consentId);
            assertEquals(List.of(), given().header("Authorization", token)
                    .get(sharing("/consent-records?personId=" + concern.personId())).then().statusCode(200)
                    .extract().jsonPath().getList(""), who + " holds no consent history of hers");
            for (String requestId : List.of(toHomes.getString("id"), toCouncil.getString("id"))) {
                hidden(who, token, "GET", sharing("/sharing-requests/" + requestId));
                notListed(who, token, sharing("/sharing-requests?size=200"), "id", requestId);
            }
            // The council's disclosure; Homes' own only to Homes.
            hidden(who, token, "GET", sharing("/disclosures/" + councilDisclosure));
            notListed(who, token, sharing("/disclosures?size=200"), "id", councilDisclosure);
            notListed(who, token, sharing("/disclosures?direction=SENT&size=200"), "id", homesDisclosure);
            if (who.contains("charity") || who.contains("brighter")) {
                hidden(who, token, "GET", sharing("/disclosures/" + homesDisclosure));
                notListed(who, token, sharing("/disclosures?size=200"), "id", homesDisclosure);
            }
            // Orchard's inbox message, and the deliveries to Orchard and to the council.
            hidden(who, token, "POST", notifications("/inbox/" + orchardInboxMessage + "/read"));
            notListed(who, token, notifications("/inbox?size=200"), "id", orchardInboxMessage);
            assertTrue(inbox(token).stream().noneMatch(m -> Set.of(concern.id(), toCouncil.getString("id"), councilDisclosure)
                    .contains((String) m.get("subject"))), who + "'s inbox holds nothing about Orchard's or the council's records");
            if (!who.endsWith("practitioner")) { // deliveries are for gateways, leads and administrators
                hidden(who, token, "GET", notifications("/deliveries/" + orchardDelivery));
                hidden(who, token, "GET", notifications("/deliveries/" + councilDelivery));
                notListed(who, token, notifications("/deliveries?size=200"), "id", orchardDelivery);
                notListed(who, token, notifications("/deliveries?size=200"), "id", councilDelivery);
            }
            // Another organisation's register entry.
            hidden(who, token, "GET", agreements("/organisations/" + ORCHARD));
        });
        // Acting on Orchard's records is refused the same way: 404, not 403, so nothing is learnt.
        hidden("homes.lead", user("homes.lead"), "POST", concerns("/concerns/" + concern.id() + "/acknowledgement"));
        hidden("homes.practitioner", user("homes.practitioner"), "POST", concerns("/concerns/" + concern.id() + "/challenges"));
        hidden("homes.lead", user("homes.lead"), "POST", sharing("/sharing-requests/" + toHomes.getString("id") + "/approval"));
        hidden("homes.lead", user("homes.lead"), "POST", concerns("/persons/" + concern.personId() + "/merge"));
        // The disclosure did not open the concern itself to Homes.
        hidden("gateway-northshire-homes", gateway(HOMES), "GET", concerns("/concerns/" + concern.id()));

        // The charity is party to no agreement: the partnership's protocol does not exist for it.
        String charityLead = user("charity.lead");
        hidden("charity.lead", charityLead, "GET", agreements("/agreements/" + protocolId));
        hidden("charity.lead", charityLead, "GET", agreements("/agreements/" + protocolId + "/versions/1"));
        hidden("charity.lead", charityLead, "GET", agreements("/agreements/" + protocolId + "/history"));
        hidden("charity.lead", charityLead, "POST", agreements("/agreements/" + protocolId + "/versions/1/signatures"));
        notListed("charity.lead", charityLead, agreements("/agreements"), "id", protocolId);
        given().header("Authorization", user("homes.lead")).get(agreements("/agreements/" + protocolId)).then().statusCode(200);

        routingRulesStayWithTheirOrganisation();

        // Their gateways received nothing about Orchard's records, except Homes' one disclosure.
        Set<String> orchardRecords = Set.of(concern.id(), concern.personId(), consentId, toHomes.getString("id"),
                toCouncil.getString("id"), homesDisclosure, councilDisclosure);
        var homesAbout = homesGateway.received().stream().filter(r -> orchardRecords.stream().anyMatch(r.body()::contains)).toList();
        assertEquals(1, homesAbout.size(), "Northshire Homes was told only of its own disclosure");
        assertEquals(homesDisclosure, verified(HOMES, homesAbout.get(0)).path("data").path("disclosureId").asText());
        assertTrue(charityGateway.received().stream().noneMatch(r -> orchardRecords.stream().anyMatch(r.body()::contains)),
                "the charity was told nothing of Orchard's records");
    }

    /** Orchard adds a contact for one event type; nobody else's rules show it. Put back afterwards. */
    private static void routingRulesStayWithTheirOrganisation() {
        String type = "/routing-rules/concern.acknowledged.v1";
        try {
            given().header("Authorization", user("orchard.lead")).contentType(ContentType.JSON)
                    .body(Map.of("emailTo", List.of(ORCHARD_DUTY_TEAM))).put(notifications(type)).then().statusCode(200)
                    .body("configured", equalTo(true));
            for (String token : List.of(user("homes.lead"), gateway(HOMES), user("charity.lead"), gateway(CHARITY))) {
                given().header("Authorization", token).get(notifications(type)).then().statusCode(200)
                        .body("configured", equalTo(false));
                String all = given().header("Authorization", token).get(notifications("/routing-rules")).then().statusCode(200)
                        .extract().asString();
                assertFalse(all.contains(ORCHARD_DUTY_TEAM), "another organisation's contacts never show: " + all);
            }
        } finally {
            given().header("Authorization", user("orchard.lead")).delete(notifications(type)).then().statusCode(200);
        }
    }

    /** A 404 problem, answered exactly as for an id that never existed, giving nothing of the record away. */
    private static void hidden(String who, String token, String method, String url) {
        Response answer = call(token, method, url);
        assertEquals(404, answer.statusCode(), who + " " + method + " " + url + ": " + answer.asString());
        Response nothing = call(token, method, url.replaceAll(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|" + ORCHARD, replacementFor(url)));
        assertEquals(404, nothing.statusCode(), "a record that does not exist answers 404 too: " + url);
        assertEquals(nothing.jsonPath().getString("title"), answer.jsonPath().getString("title"), who + " " + url);
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        assertFalse(answer.asString().contains("Thorncroft"), answer.asString());
    }

    private static String replacementFor(String url) {
        return url.contains("/organisations/") ? "NO-SUCH-ORGANISATION" : UUID.randomUUID().toString();
    }

    private static Response call(String token, String method, String url) {
        var request = given().header("Authorization", token).contentType(ContentType.JSON);
        if (method.equals("GET")) {
            return request.get(url);
        }
        // A valid body where one is needed, so the answer is about the record, not the request.
        String body = url.endsWith("/challenges") ? "{\"reason\": \"I disagree\"}"
                : url.endsWith("/merge") ? "{\"into\": \"" + UUID.randomUUID() + "\", \"reason\": \"Same person\"}"
                : url.endsWith("/signatures") ? "{\"signatoryName\": \"Pat Doyle\", \"signatoryRole\": \"Chair\"}"
                : url.endsWith("/approval") ? "{\"note\": \"ok\"}" : "{}";
        return request.body(body).post(url);
    }

    private static void notListed(String who, String token, String url, String field, String id) {
        List<Object> ids = given().header("Authorization", token).get(url).then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath().getList(field);
        assertFalse(ids.contains(id), who + " does not find " + id + " in " + url);
    }

    private static List<Map<String, Object>> inbox(String token) {
        return given().header("Authorization", token).get(notifications("/inbox?size=200")).then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    private static String demoProtocolId() {
        return given().header("Authorization", user("asc.admin")).get(agreements("/agreements")).then().statusCode(200)
                .extract().jsonPath().<Map<String, Object>>getList("").stream()
                .filter(a -> String.valueOf(a.get("versions")).contains("Northshire Safeguarding Adults Information Sharing Protocol"))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow();
    }

    private static String concerns(String path) {
        return url(PlatformSettings.CONCERN, path);
    }

    private static String sharing(String path) {
        return url(PlatformSettings.SHARING, path);
    }

    private static String notifications(String path) {
        return url(PlatformSettings.NOTIFICATION, path);
    }

    private static String agreements(String path) {
        return url(PlatformSettings.AGREEMENT, path);
    }
}
