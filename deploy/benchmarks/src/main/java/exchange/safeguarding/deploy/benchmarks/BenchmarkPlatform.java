package exchange.safeguarding.deploy.benchmarks;

import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.IsolatedPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.local.demo.DemoPartnership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The platform under measurement: started exactly as a developer's ({@code deploy/local}), with the demo
 * partnership seeded, but in a fresh home under target/ and on free loopback ports, so it never touches a
 * platform already running here. Every organisation's gateway points at {@link WebhookGateways}.
 */
final class BenchmarkPlatform implements AutoCloseable {

    /** Every demo organisation; each raises concerns through its own gateway client. */
    static final List<String> ORGANISATIONS = List.of(DemoPartnership.MEADOWBANK, DemoPartnership.ORCHARD,
            DemoPartnership.NHS, DemoPartnership.POLICE, DemoPartnership.AMBULANCE, DemoPartnership.HOMES,
            DemoPartnership.COUNCIL, DemoPartnership.CHARITY);
    static final List<String> SERVICES = List.of(PlatformSettings.AGREEMENT, PlatformSettings.CONCERN,
            PlatformSettings.SHARING, PlatformSettings.NOTIFICATION);

    final PlatformSettings settings;
    final LocalPlatform platform;
    final RealmTokens tokens;
    final PlatformApi api = new PlatformApi();
    final WebhookGateways gateways;
    final Duration startedIn;
    final Duration seededIn;

    private BenchmarkPlatform(PlatformSettings settings, LocalPlatform platform, WebhookGateways gateways,
                              Duration startedIn, Duration seededIn) {
        this.settings = settings;
        this.platform = platform;
        this.tokens = new RealmTokens(platform.tokenEndpoint());
        this.gateways = gateways;
        this.startedIn = startedIn;
        this.seededIn = seededIn;
    }

    static BenchmarkPlatform start(Path home) throws Exception {
        Path root = projectRoot();
        PlatformSettings settings = IsolatedPlatform.settings(root, home, 31000, 39000);
        LocalPlatform platform = new LocalPlatform(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "benchmark-platform-stop"));
        long started = System.nanoTime();
        platform.start();
        Duration startedIn = Duration.ofNanos(System.nanoTime() - started);
        long seeding = System.nanoTime();
        platform.seedDemoPartnership();
        Duration seededIn = Duration.ofNanos(System.nanoTime() - seeding);
        BenchmarkPlatform running = new BenchmarkPlatform(settings, platform, new WebhookGateways(), startedIn, seededIn);
        running.pointGatewaysAtReceiver();
        return running;
    }

    String url(String service, String path) {
        return platform.serviceUrl(service) + path;
    }

    /** Sets each organisation's gateway address, as its administrator would, and waits until every service knows. */
    private void pointGatewaysAtReceiver() throws Exception {
        String admin = tokens.person("asc.admin");
        for (String organisation : ORGANISATIONS) {
            PlatformApi.Answer answer = api.put(url(PlatformSettings.AGREEMENT, "/organisations/" + organisation + "/gateway"),
                    admin, PlatformApi.json(Map.of("url", gateways.urlOf(organisation))));
            if (answer.status() != 200) {
                throw new IllegalStateException("the gateway of " + organisation + " could not be set: " + answer);
            }
        }
        platform.awaitAgreementEventsConsumed(Duration.ofSeconds(60));
    }

    @Override
    public void close() {
        gateways.close();
        platform.close();
    }

    /** The clone's root: the folder above deploy/ holding mvnw. */
    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run inside the Safeguarding Exchange clone");
        }
        return dir;
    }
}
