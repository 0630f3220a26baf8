package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.system.ScenarioSteps.Adult;
import exchange.safeguarding.deploy.system.ScenarioSteps.Concern;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static exchange.safeguarding.deploy.system.Partnership.COUNCIL;
import static exchange.safeguarding.deploy.system.Partnership.MEADOWBANK;
import static exchange.safeguarding.deploy.system.Partnership.NHS;
import static exchange.safeguarding.deploy.system.Partnership.POLICE;
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
import static exchange.safeguarding.deploy.system.ScenarioSteps.millisSince;
import static exchange.safeguarding.deploy.system.ScenarioSteps.raise;
import static exchange.safeguarding.deploy.system.ScenarioSteps.request;
import static exchange.safeguarding.deploy.system.ScenarioSteps.share;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acceptance scenario 12, consent withdrawn: Meadowbank Care shares what it knows about an adult with the council and
 * the police under her consent. She withdraws it. Each organisation that received information under it is told by a
 * signed webhook, and the record shows when each was told; the NHS trust, which received nothing, is not told.
 */
class Scenario12ConsentWithdrawnIT {

    private static final String PURPOSE = "COORDINATE_RESPONSES";
    private static final List<String> CATEGORIES = List.of("CONCERN_SUMMARY", "IDENTITY", "RISK_INFORMATION");
    private static final Duration TOLD_WITHIN = Duration.ofSeconds(30);

    @Test
    void everyOrganisationThatReceivedInformationUnderAWithdrawnConsentIsToldAndWhenIsRecorded() {
        GatewayReceiver councilGateway = gatewayOf(COUNCIL);
        GatewayReceiver policeGateway = gatewayOf(POLICE);
        GatewayReceiver trustGateway = gatewayOf(NHS);
        gatewayOf(MEADOWBANK);
        awaitReplicated();
        String practitioner = user("care.practitioner");
        Adult adult = Adult.invented("Dorothy", "Pennington", "1944-02-19", "NS1 6QT");
        Concern concern = raise(practitioner, adult, "ROUTINE",
                "Her nephew has been taking her pension card; she is frightened of him.");
        String consentId = giveConsent(practitioner, adult, concern.personId(), PURPOSE, List.of(COUNCIL, POLICE), CATEGORIES);

        // Shared with the council and the police under her consent; the NHS trust, which she did not name, gets nothing.
        Map<String, String> disclosures = new HashMap<>();
        for (String recipient : List.of(COUNCIL, POLICE)) {
            JsonPath decision = share(practitioner, request(recipient, concern.id(), PURPOSE, CATEGORIES));
            assertOutcome("APPROVED", decision);
            assertEquals(consentId, decision.getString("consentRecordId"), "shared under her consent");
            assertFalse(decision.getBoolean("withoutConsent"));
            disclosures.put(recipient, (String) awaitDisclosureMade(practitioner, decision.getString("id")).get("id"));
        }
        JsonPath toTrust = share(practitioner, request(NHS, concern.id(), PURPOSE, CATEGORIES));
        assertOutcome("REFUSED", toTrust);
        for (String recipient : List.of(COUNCIL, POLICE)) {
            GatewayReceiver gateway = recipient.equals(COUNCIL) ? councilGateway : policeGateway;
            assertEquals(1, gateway.await(webhook("disclosure.made.v1", disclosures.get(recipient)), 1, TOLD_WITHIN).size(),
                    recipient + " was told of what it received");
        }

        // She withdraws her consent.
        long withdrawing = System.nanoTime();
        Instant withdrawnAround = Instant.now();
        JsonPath withdrawal = given().header("Authorization", practitioner).contentType(ContentType.JSON)
                .body(Map.of("adult", adult.withPersonId(concern.personId()), "decision", "WITHDRAWN", "withdraws", consentId,
                        "howObtained", "She phoned the home's manager", "confidentialityLimitsExplained", true))
                .post(url(PlatformSettings.SHARING, "/consent-records")).then().statusCode(201)
                .body("decision", equalTo("WITHDRAWN")).extract().jsonPath();
        String withdrawalId = withdrawal.getString("id");

        // Each recipient is told by a signed webhook, about its own disclosure.
        for (String recipient : List.of(COUNCIL, POLICE)) {
            GatewayReceiver gateway = recipient.equals(COUNCIL) ? councilGateway : policeGateway;
            var notices = gateway.await(webhook("consent.withdrawal-notice.v1", withdrawalId), 1, TOLD_WITHIN);
            assertEquals(1, notices.size(), recipient + " is told the consent it received information under was withdrawn");
            System.out.printf("scenario 12: withdrawal to %s's webhook: %d ms%n", recipient, millisSince(withdrawing));
            JsonNode notice = verified(recipient, notices.get(0));
            assertEquals(recipient, notice.path("data").path("recipient").asText());
            assertEquals(disclosures.get(recipient), notice.path("data").path("disclosureId").asText(),
                    "the notice says which disclosure it concerns");
            assertFalse(notice.toString().contains(adult.familyName()), "the notice carries identifiers, not her name");
            // The recipient's own record of the delivery.
            given().header("Authorization", gateway(recipient))
                    .get(url(PlatformSettings.NOTIFICATION, "/deliveries/" + notices.get(0).header("webhook-id")))
                    .then().statusCode(200).body("status", equalTo("DELIVERED"));
        }

        // The record shows who was told and when: each recipient's notice gets its delivery time.
        List<Map<String, Object>> record = await("both notices record when they were told").atMost(TOLD_WITHIN)
                .until(() -> given().header("Authorization", practitioner)
                                .get(url(PlatformSettings.SHARING, "/consent-records/" + withdrawalId + "/withdrawal-notices"))
                                .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList(""),
                        notices -> notices.size() == 2 && notices.stream().allMatch(n -> n.get("toldAt") != null));
        for (Map<String, Object> notice : record) {
            String recipient = (String) notice.get("recipient");
            assertTrue(List.of(COUNCIL, POLICE).contains(recipient), "only the recipients are on record: " + record);
            assertEquals(disclosures.get(recipient), notice.get("disclosureId"));
            assertEquals(consentId, notice.get("withdrawnConsentId"));
            Instant sent = Instant.parse((String) notice.get("noticeSentAt"));
            Instant told = Instant.parse((String) notice.get("toldAt"));
            assertFalse(told.isBefore(sent), "told after it was sent: " + notice);
            assertTrue(Duration.between(withdrawnAround, told).compareTo(TOLD_WITHIN) < 0, "told within seconds: " + notice);
            System.out.printf("scenario 12: %s told %d ms after the withdrawal was recorded%n", recipient,
                    Duration.between(sent, told).toMillis());
        }
        assertEquals(List.of(COUNCIL, POLICE), record.stream().map(n -> (String) n.get("recipient")).sorted().toList());

        // The trust received nothing under the consent, so it is not told; the notices have all gone by now.
        assertTrue(trustGateway.received().stream().noneMatch(r -> r.body().contains(withdrawalId)
                        || r.body().contains(consentId) || r.body().contains(concern.id())),
                "the NHS trust, which received nothing, hears nothing of the withdrawal");

        // From now on her consent no longer lets Meadowbank share with the council.
        JsonPath now = given().header("Authorization", practitioner).contentType(ContentType.JSON)
                .body(request(COUNCIL, concern.id(), PURPOSE, CATEGORIES))
                .post(url(PlatformSettings.SHARING, "/sharing-requests/preview")).then().statusCode(200).extract().jsonPath();
        assertOutcome("REFUSED", now);
        String consentReason = now.<Map<String, Object>>getList("reasons").stream()
                .filter(r -> "consent".equals(r.get("check"))).map(r -> String.valueOf(r.get("detail"))).findFirst().orElse(null);
        assertNotNull(consentReason, "the decision gives its consent reason: " + now.getList("reasons"));
        assertTrue(consentReason.contains("withdrew consent"), consentReason);
    }
}
