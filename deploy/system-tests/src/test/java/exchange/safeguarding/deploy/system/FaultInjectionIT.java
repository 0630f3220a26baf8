package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.system.ConcernLoad.Raise;
import exchange.safeguarding.deploy.system.ConcernLoad.Result;
import exchange.safeguarding.deploy.system.FaultDrill.Window;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fault injection under a steady load of concerns (issue 8): gateways of the demo partnership and the drill's own
 * agency raise concerns all the time while, one after another with a recovery period between, each service is killed
 * with kill -9 and restarted, the Kafka broker is stopped and started, PostgreSQL is stopped and started,
 * notification-service's database alone refuses connections for a while (in production each service has its own
 * database, so one can be away while the others carry on), and the agency's gateway is down for a while. Afterwards
 * it counts: (a) every concern that got a 2xx is stored and reads
 * back the same, (b) every event is published and applied, (c) every due webhook is delivered and repeats are the same
 * message, (d) every response deadline that passed was announced once and escalated once. The figures go to
 * {@code target/fault-injection.txt}; docs/fault-injection.md says how to run the full version.
 *
 * <p>It shares the one platform of the system tests rather than starting its own: a second platform would cost another
 * minute and a half and another Keycloak on a two-core machine, and what it breaks it repairs in a {@code finally}
 * (and again after the tests), waiting until every service is ready, so the tests after it meet a whole platform.
 * Its deadline-driven concerns come from an agency of its own ({@value #AGENCY}, seconds-long line manager response
 * time, a gateway that can go down), so no other test sees them; the demo organisations only raise routine concerns
 * about adults no one else names.
 */
class FaultInjectionIT {

    static final String AGENCY = "WESTBROOK-HOMECARE";
    /** After the last count is complete, how long to keep looking for a late repeat or a second breach. */
    static final Duration SETTLE = Duration.ofSeconds(10);

    static FaultSettings settings;
    static LocalPlatform platform;
    static FaultDrill drill;
    static OutageGateway agencyGateway;
    static List<Raise> raises;
    static List<Window> windows;
    static List<WebhookTally.Arrival> arrivals;
    static DrillAudit.Stored stored;
    static DrillAudit.Published published;
    static DrillAudit.Delivered delivered;
    static DrillAudit.Timers timers;

    @BeforeAll
    static void underSteadyLoadEveryFaultInTurn() throws Exception {
        settings = FaultSettings.fromSystemProperties();
        platform = Partnership.platform();
        Map<String, Supplier<String>> bearers = new LinkedHashMap<>();
        Map<String, Supplier<List<WebhookTally.Arrival>>> gateways = new LinkedHashMap<>();
        List<ConcernLoad.Source> sources = new ArrayList<>();
        for (String organisation : settings.organisations()) {
            GatewayReceiver receiver = Partnership.gatewayOf(organisation);
            bearers.put(organisation, () -> gatewayBearer(organisation));
            // The demo gateways answer 200 to everything (no test scripts them while this one runs).
            gateways.put(organisation, () -> receiver.received().stream()
                    .map(r -> new WebhookTally.Arrival(organisation, r, true)).toList());
            sources.add(new ConcernLoad.Source(organisation, settings.rate() / settings.organisations().size(),
                    bearers.get(organisation)));
        }
        agencyGateway = new OutageGateway();
        Supplier<String> agencyBearer = theDrillAgency(agencyGateway);
        bearers.put(AGENCY, agencyBearer);
        gateways.put(AGENCY, () -> agencyGateway.calls().stream()
                .map(c -> new WebhookTally.Arrival(AGENCY, c.request(), c.accepted())).toList());
        sources.add(new ConcernLoad.Source(AGENCY, settings.dedicatedRate(), agencyBearer));
        // concern-service must know the agency's route, and notification-service its gateway, before it raises.
        Partnership.awaitReplicated();

        PlatformStores stores = new PlatformStores(platform.settings());
        Map<String, Long> deadLettersBefore = stores.deadLettered();
        String run = Long.toString(System.currentTimeMillis(), 36);
        System.out.println("Fault drill " + run + ": " + settings.describe());
        Instant began = Instant.now();
        try (ConcernLoad load = new ConcernLoad(platform.serviceUrl(PlatformSettings.CONCERN), sources, run)) {
            drill = new FaultDrill(platform, settings.recovery(), since -> toldSince(load, since));
            load.start();
            drill.steady("steady load, nothing broken");
            for (String service : FaultDrill.SERVICES) {
                drill.inject("kill -9 " + service, () -> platform.killService(service), Duration.ZERO,
                        () -> platform.startService(service));
            }
            drill.inject("Kafka broker stopped, started", platform::stopKafka, settings.outage(), platform::startKafka);
            drill.inject("PostgreSQL stopped, started", platform::stopDatabase, settings.outage(), platform::startDatabase);
            drill.inject("notification-service's database refused", () -> stores.refuseConnections("notifications"),
                    settings.outage(), () -> stores.allowConnections("notifications"));
            drill.inject(AGENCY + " gateway down (503)", agencyGateway::goDown, settings.gatewayOutage(), () -> {
                agencyGateway.comeBack();
                if (!settings.resumeBySchedule()) {
                    askForWaitingMessages(agencyBearer);
                }
            });
            load.stop();
            Instant loadStopped = Instant.now();

            DrillAudit audit = new DrillAudit(load, bearers, gateways, stores, platform::serviceUrl, AGENCY, deadLettersBefore);
            awaitEverythingDue(audit, loadStopped);
            Thread.sleep(SETTLE.toMillis());
            raises = audit.raises();
            windows = drill.windows();
            stored = audit.stored();
            published = audit.published();
            delivered = audit.delivered();
            timers = audit.timers(true);
            arrivals = new ArrayList<>();
            gateways.values().forEach(g -> arrivals.addAll(g.get()));
            String report = FaultReport.render(settings, windows, raises, stored, published, delivered, timers,
                    Duration.between(began, loadStopped), Duration.between(loadStopped, Instant.now()));
            Files.writeString(Path.of("target", "fault-injection.txt"), report);
            System.out.println(report);
        }
    }

    @AfterAll
    static void thePlatformIsWholeAgain() throws Exception {
        if (agencyGateway != null) {
            agencyGateway.comeBack();
        }
        if (drill != null) {
            drill.leaveThePlatformWhole();
        }
    }

    @Test
    void theFaultsHitTheLoad() {
        assertEquals(9, windows.size(), "a steady window and eight faults");
        Window concernServiceKilled = window("kill -9 " + PlatformSettings.CONCERN);
        assertTrue(failedAttempts(concernServiceKilled) > 0, "raising failed while concern-service was down");
        assertTrue(failedAttempts(window("PostgreSQL")) > 0, "raising failed while PostgreSQL was down");
        Window gatewayDown = window("gateway down");
        assertTrue(agencyGateway.calls().stream().anyMatch(c -> c.answered() == 503 && gatewayDown.covers(c.request().at())),
                "webhooks reached the agency's gateway while it was down, and were refused");
        // Concerns accepted while the broker was down could not be told before it was back. The broker serves a moment
        // into its shutdown, and a 201 follows its commit by a moment, so only concerns accepted a second after it had
        // stopped count.
        Window kafka = window("Kafka");
        Instant surelyDown = kafka.broken().plusSeconds(1);
        List<String> acceptedWhileKafkaDown = raises.stream().filter(Raise::wasAccepted)
                .filter(r -> !acceptedAt(r).isBefore(surelyDown) && acceptedAt(r).isBefore(kafka.restored()))
                .map(Raise::concernId).toList();
        assertTrue(!acceptedWhileKafkaDown.isEmpty(), "concerns were accepted while the broker was down");
        assertTrue(arrivals.stream().filter(a -> acceptedWhileKafkaDown.stream().anyMatch(a.request().body()::contains))
                .allMatch(a -> !a.request().at().isBefore(kafka.restored())), "nothing about them travelled before the broker was back");
    }

    @Test
    void everyConcernThatGotA2xxIsStoredAndReadsBackTheSame() {
        assertTrue(stored.accepted() > 50, "the load raised concerns: " + stored.accepted());
        assertNone(stored.notAccepted(), "concerns a gateway set out to raise and never got accepted");
        assertNone(stored.missing(), "accepted concerns that cannot be read");
        assertNone(stored.changed(), "accepted concerns that read back differently");
        assertEquals(stored.accepted(), stored.readable());
        // Every retry carries the first attempt's Idempotency-Key: even after an attempt whose outcome the gateway
        // could not know, the concern is stored once.
        assertEquals(0, stored.duplicates(), "concerns stored twice by a retry");
    }

    @Test
    void everyEventIsPublishedAndApplied() {
        assertEquals(published.expected(), published.written(), "raised and routed written for every stored concern");
        assertEquals(published.expected(), published.published(), "and every one acknowledged by Kafka");
        assertEquals(published.expected(), published.appliedByNotifications(), "applied by notification-service");
        assertEquals(published.expected(), published.appliedBySharing(), "applied by sharing-service");
        published.unpublished().forEach((database, waiting) ->
                assertEquals(0L, waiting, "events still waiting in the outbox of " + database));
        published.deadLetteredDuringDrill().forEach((topic, count) ->
                assertEquals(0L, count, "events set aside on " + topic + " during the drill"));
        assertEquals(published.concerns(), published.raisedWebhooksDelivered(), "concern.raised.v1 reached each raiser's gateway");
    }

    @Test
    void everyDueWebhookIsDeliveredAndARepeatIsTheSameMessage() {
        assertNone(delivered.missing(), "due webhooks never delivered");
        assertEquals(delivered.due(), delivered.delivered());
        assertNone(delivered.toldMoreThanOnce(), "an organisation told the same thing under two webhook-ids");
        assertNone(delivered.repeatsWithAnotherBody(), "a repeated webhook-id with a different body");
        assertEquals(0, delivered.pendingOrDead(), "deliveries still pending or dead");
        assertEquals(0, agencyGateway.calls().stream().filter(c -> !c.verified()).count(),
                "every webhook to the agency, first attempt or repeat, verified with its secret on arrival");
    }

    @Test
    void noResponseTimerFiredTwiceOrWasLost() {
        assertTrue(timers.concerns() > 5, "the agency raised concerns with seconds-long deadlines: " + timers.concerns());
        assertNone(timers.neverBreached(), "deadlines that passed without a breach");
        assertNone(timers.breachedMoreThanOnce(), "deadlines breached more than once");
        assertEquals(timers.concerns(), timers.breachedOnce());
        assertEquals(timers.concerns(), timers.breachToldOnce(), "sla.breached.v1 told once, under one webhook-id");
        assertEquals(timers.concerns(), timers.escalatedOnce(), "escalated to the safeguarding lead once");
        assertNone(timers.escalationStepsNotOne(), "concerns without exactly one escalation step");
    }

    /** Whether a concern the load had accepted at or after {@code since} has reached its gateway (a demo one: those never go down). */
    private static boolean toldSince(ConcernLoad load, Instant since) {
        for (String organisation : settings.organisations()) {
            List<GatewayReceiver.Received> received = Partnership.gatewayOf(organisation).received();
            for (int i = received.size() - 1; i >= 0 && !received.get(i).at().isBefore(since); i--) {
                var body = Partnership.json(received.get(i).body());
                Instant accepted = load.acceptedAt(body.path("subject").asText());
                if (DrillAudit.RAISED.equals(body.path("type").asText()) && accepted != null && !accepted.isBefore(since)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Polls the counts until everything due has happened, or gives up (the assertions then say what is missing). */
    private static void awaitEverythingDue(DrillAudit audit, Instant loadStopped) throws InterruptedException {
        Instant lastDeadline = audit.raises().stream().filter(r -> r.organisation().equals(AGENCY)).map(Raise::intendedAt)
                .max(Instant::compareTo).orElse(loadStopped).plus(settings.responseTime());
        // The deadline check runs every 15 s; a delivery held by a killed notification-service waits out its 60 s lease.
        Instant deadline = later(lastDeadline.plusSeconds(60), loadStopped.plusSeconds(120));
        if (settings.resumeBySchedule()) {
            deadline = deadline.plus(Duration.ofMinutes(6)); // the second retry comes 5 minutes (plus jitter) after the first
        }
        while (Instant.now().isBefore(deadline)) {
            if (audit.published().complete() && audit.delivered().missing().isEmpty() && audit.timers(false).complete()) {
                System.out.printf("everything due had happened %d s after the load stopped%n",
                        Duration.between(loadStopped, Instant.now()).toSeconds());
                return;
            }
            Thread.sleep(2_000);
        }
    }

    /** The agency's gateway is back: it asks for what waits for it at once rather than at the next scheduled retry. */
    private static void askForWaitingMessages(Supplier<String> agencyBearer) {
        given().header("Authorization", agencyBearer.get())
                .post(Partnership.url(PlatformSettings.NOTIFICATION, "/gateway-endpoint/re-enable"))
                .then().statusCode(200).body("enabled", equalTo(true));
    }

    /**
     * Registers the drill's own home care agency with a line manager response time of seconds, its gateway at
     * {@code gateway}, and returns its gateway's bearer token supplier (credentials issued for the drill).
     */
    private static Supplier<String> theDrillAgency(OutageGateway gateway) {
        String admin = Partnership.user(Partnership.ADMIN);
        String organisations = Partnership.url(PlatformSettings.AGREEMENT, "/organisations");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body("{\"code\": \"" + AGENCY + "\", \"name\": \"Westbrook Home Care\", \"type\": \"CARE_PROVIDER\"}")
                .post(organisations).then().statusCode(201);
        String lineManager = settings.responseTime().toString();
        given().header("Authorization", admin).contentType(ContentType.JSON).body("""
                        {"safeguardingLead": {"name": "Wendy Walsh", "role": "Registered manager", "email": "lead@westbrook-homecare.example"},
                         "whistleblowingPolicy": {"reference": "https://westbrook-homecare.example/whistleblowing", "owner": "HR", "reviewDate": "2027-12-31"},
                         "escalationRoute": [
                           {"step": "LINE_MANAGER", "responseTimes": {"EMERGENCY": "%1$s", "URGENT": "%1$s", "ROUTINE": "%1$s", "LOW_LEVEL": "%1$s"}},
                           {"step": "SAFEGUARDING_LEAD", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT2H", "ROUTINE": "PT2H", "LOW_LEVEL": "PT2H"}},
                           {"step": "LOCAL_AUTHORITY", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "P1D", "ROUTINE": "P1D", "LOW_LEVEL": "P1D"}}]}"""
                        .formatted(lineManager))
                .put(organisations + "/" + AGENCY + "/safeguarding-setup").then().statusCode(200).body("status", equalTo("ACTIVE"));
        gateway.trust(given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("url", gateway.url("/webhooks/westbrook")))
                .put(organisations + "/" + AGENCY + "/gateway").then().statusCode(200).extract().<String>path("signingSecret"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", admin)
                .get(organisations + "/" + AGENCY).then().body("gatewayClient.status", equalTo("PROVISIONED")));
        var credentials = given().header("Authorization", admin).post(organisations + "/" + AGENCY + "/gateway-client/credentials")
                .then().statusCode(200).extract().jsonPath();
        String clientId = credentials.getString("clientId");
        String clientSecret = credentials.getString("clientSecret");
        return new Supplier<>() {
            private String bearer;
            private Instant renewAfter = Instant.MIN;

            @Override
            public synchronized String get() {
                if (Instant.now().isAfter(renewAfter)) {
                    var token = given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                            .formParam("client_secret", clientSecret).post(platform.tokenEndpoint())
                            .then().statusCode(200).extract().jsonPath();
                    bearer = "Bearer " + token.getString("access_token");
                    renewAfter = Instant.now().plusSeconds(Math.max(5, token.getLong("expires_in") - 60));
                }
                return bearer;
            }
        };
    }

    /** One token fetch at a time: many load threads ask at once when it is due for renewal. */
    private static synchronized String gatewayBearer(String organisation) {
        return Partnership.gateway(organisation);
    }

    /** Fails naming the first ten, not thousands. */
    private static void assertNone(List<?> found, String what) {
        assertTrue(found.isEmpty(), () -> what + ": " + found.size() + ", the first: " + found.subList(0, Math.min(10, found.size())));
    }

    private static Window window(String named) {
        return windows.stream().filter(w -> w.fault().contains(named)).findFirst()
                .orElseThrow(() -> new AssertionError("no fault window " + named));
    }

    private static long failedAttempts(Window window) {
        return raises.stream().flatMap(r -> r.attempts().stream())
                .filter(a -> a.result() != Result.ACCEPTED && window.covers(a.at())).count();
    }

    private static Instant acceptedAt(Raise raise) {
        return raise.attempts().get(raise.attempts().size() - 1).at();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
