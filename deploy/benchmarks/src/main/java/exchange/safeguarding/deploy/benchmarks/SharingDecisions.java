package exchange.safeguarding.deploy.benchmarks;

import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.local.demo.DemoPartnership;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sharing decisions through the API: agencies' gateways asking, several at once, to share what the council needs
 * about an adult whose consent is recorded, under the partnership's protocol. Each 201 is a decision with every
 * reason, recorded with its hash-chained log entry and its event (the disclosure that follows is made in the
 * background and is not timed here; its load is).
 */
final class SharingDecisions {

    /** Parties to the protocol that disclose; the council receives. */
    static final List<String> DISCLOSERS = List.of(DemoPartnership.MEADOWBANK, DemoPartnership.NHS, DemoPartnership.POLICE,
            DemoPartnership.ORCHARD, DemoPartnership.AMBULANCE, DemoPartnership.HOMES);
    static final List<String> CATEGORIES = List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION");
    static final String PURPOSE = "COORDINATE_RESPONSES";

    /** One discloser's concern, with the adult's consent recorded: the body it asks to share with. */
    private record Case(String organisation, String request) {
    }

    private final BenchmarkPlatform platform;

    SharingDecisions(BenchmarkPlatform platform) {
        this.platform = platform;
    }

    ClosedLoad.Result run(int threads, Duration warmUp, Duration window) throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            cases.add(prepare(DISCLOSERS.get(t % DISCLOSERS.size())));
        }
        String requests = platform.url(PlatformSettings.SHARING, "/sharing-requests");
        return ClosedLoad.run(threads, warmUp, window, thread -> {
            Case asked = cases.get(thread);
            PlatformApi.Answer answer = platform.api.post(requests, platform.tokens.gateway(asked.organisation()), asked.request());
            if (answer.status() != 201) {
                return "HTTP " + answer.status();
            }
            return "APPROVED".equals(answer.text("outcome")) ? ClosedLoad.OK : "outcome " + answer.text("outcome");
        });
    }

    /**
     * Raises a concern and records the adult's consent to share with the council, then waits until sharing-service
     * has the concern and would approve: the measured requests take the consent-covered path, not a refusal.
     */
    private Case prepare(String organisation) throws Exception {
        String gateway = platform.tokens.gateway(organisation);
        PlatformApi.Answer concern = platform.api.post(platform.url(PlatformSettings.CONCERN, "/concerns"), gateway,
                InventedConcerns.routine());
        if (concern.status() != 201) {
            throw new IllegalStateException(organisation + " could not raise a concern: " + concern);
        }
        String concernId = concern.text("id");
        String personId = concern.body().path("adult").path("personId").asText();
        PlatformApi.Answer consent = platform.api.post(platform.url(PlatformSettings.SHARING, "/consent-records"), gateway,
                PlatformApi.json(Map.of(
                        "adult", Map.of("personId", personId,
                                "givenName", concern.body().path("adult").path("givenName").asText(),
                                "familyName", concern.body().path("adult").path("familyName").asText()),
                        "decision", "GIVEN", "purposes", List.of(PURPOSE), "recipients", List.of(DemoPartnership.COUNCIL),
                        "dataCategories", CATEGORIES, "howObtained", "In person, at a review meeting",
                        "confidentialityLimitsExplained", true)));
        if (consent.status() != 201) {
            throw new IllegalStateException(organisation + " could not record consent: " + consent);
        }
        String request = PlatformApi.json(Map.of("recipient", DemoPartnership.COUNCIL, "concernId", concernId,
                "adult", Map.of("personId", personId), "purpose", PURPOSE, "dataCategories", CATEGORIES));
        String preview = platform.url(PlatformSettings.SHARING, "/sharing-requests/preview");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        PlatformApi.Answer would;
        do {
            would = platform.api.post(preview, gateway, request);
            if (would.status() == 200 && "APPROVED".equals(would.text("outcome"))) {
                return new Case(organisation, request);
            }
            Thread.sleep(250); // the concern reaches sharing-service through Kafka
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("sharing-service would not approve " + organisation + "'s request: " + would);
    }
}
