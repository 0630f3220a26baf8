package exchange.safeguarding.deploy.local;

import exchange.safeguarding.deploy.local.demo.DemoPartnership;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the whole platform on one machine: PostgreSQL, Kafka, Keycloak and the four services, waits until
 * every one is healthy, prints where everything is, and stops everything on Ctrl-C. Also the fixture the
 * system tests start, so they run exactly what a developer runs.
 */
public final class LocalPlatform implements AutoCloseable {

    private final PlatformSettings settings;
    private final EmbeddedDatabase database;
    private final EmbeddedBroker broker;
    private final KeycloakServer keycloak;
    /** The local platform's sealing key: public, so never valid in production. */
    public static final String DEMO_SEALING_KEY = "bG9jYWwtZGVtby1zZWFsaW5nLWtleS0zMi1ieXRlcyE=";

    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();
    private volatile boolean closed;

    public LocalPlatform(PlatformSettings settings) {
        this.settings = settings;
        this.database = new EmbeddedDatabase(settings);
        this.broker = new EmbeddedBroker(settings);
        this.keycloak = new KeycloakServer(settings);
        for (String service : List.of(PlatformSettings.AGREEMENT, PlatformSettings.CONCERN, PlatformSettings.SHARING,
                PlatformSettings.NOTIFICATION)) {
            Map<String, String> properties = new HashMap<>(serviceProperties(service));
            properties.putAll(localProfile(service));
            services.put(service, new ServiceProcess(service, settings, properties));
        }
    }

    public static void main(String[] args) throws Exception {
        // One log manager for Kafka's and the launcher's logging, quiet by default (see logging.properties).
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        LocalPlatform platform = new LocalPlatform(PlatformSettings.fromEnvironment());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the platform...");
            platform.close();
            System.out.println("Stopped.");
        }, "platform-shutdown"));
        long started = System.nanoTime();
        try {
            platform.start();
        } catch (Exception e) {
            System.err.println("The platform did not start: " + e.getMessage());
            System.err.println("Logs: " + platform.settings.home().resolve("logs"));
            System.exit(1);
        }
        if (demoWanted(args)) {
            try {
                System.out.println("Seeding the Northshire demo partnership (what exists is kept; SGX_DEMO=false to skip)...");
                platform.seedDemoPartnership();
            } catch (RuntimeException e) {
                // The platform itself is fine; say what failed and keep it running.
                System.err.println("The demo partnership could not be seeded: " + e.getMessage());
            }
        }
        System.out.println(platform.summary(Duration.ofNanos(System.nanoTime() - started)));
        Thread.currentThread().join();
    }

    /** The demo partnership is seeded unless {@code --no-demo} is given or {@code SGX_DEMO=false}. */
    static boolean demoWanted(String[] args) {
        if (Arrays.asList(args).contains("--no-demo")) {
            return false;
        }
        String setting = System.getenv().getOrDefault("SGX_DEMO", System.getProperty("SGX_DEMO", "true"));
        return !setting.equalsIgnoreCase("false");
    }

    /**
     * Seeds the Northshire demo partnership through the public APIs (organisations, their set-up, the signed
     * protocol, a few concerns), skipping what already exists; waits until the services have copied it.
     */
    public DemoPartnership.Report seedDemoPartnership() {
        return new DemoPartnership(tokenEndpoint(), this::serviceUrl, this::awaitAgreementEventsConsumed).seed();
    }

    /**
     * Waits until concern-service, sharing-service and notification-service have applied every organisation
     * and agreement event published so far (their copies are then current), e.g. after changing a set-up.
     */
    public void awaitAgreementEventsConsumed(Duration timeout) {
        EventLag.awaitConsumed(settings.kafkaBootstrap(), "safeguarding.agreements",
                List.of(PlatformSettings.CONCERN, PlatformSettings.SHARING, PlatformSettings.NOTIFICATION), timeout);
    }

    public void start() throws Exception {
        timed("postgresql", database::start);
        timed("kafka", broker::start);
        timed("keycloak", keycloak::start);
        long servicesStarted = System.nanoTime();
        for (ServiceProcess service : services.values()) {
            service.start();
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(120));
            startTimes.put(service.name(), Duration.ofNanos(System.nanoTime() - servicesStarted));
        }
    }

    private void timed(String what, Step step) throws Exception {
        long started = System.nanoTime();
        System.out.printf("Starting %s...%n", what);
        step.run();
        startTimes.put(what, Duration.ofNanos(System.nanoTime() - started));
    }

    private interface Step {
        void run() throws Exception;
    }

    /**
     * The documented demo secrets (README, "Demo users and clients"), set here and in the tests only: the services ship
     * with none. The database password is the embedded server's, below.
     */
    private static final Map<String, Map<String, String>> DEMO_SECRETS = Map.of(
            PlatformSettings.AGREEMENT, Map.of("kit.secret-sealing-key", DEMO_SEALING_KEY,
                    "agreement.keycloak.client-secret", "demo-secret-agreement-service"),
            PlatformSettings.CONCERN, Map.of(),
            PlatformSettings.SHARING, Map.of("kit.service-client.client-secret", "demo-secret-platform-services"),
            PlatformSettings.NOTIFICATION, Map.of("kit.secret-sealing-key", DEMO_SEALING_KEY));

    /** What the local platform alone sets: the local profile, which may hold the demo secrets a production start refuses. */
    private static Map<String, String> localProfile(String service) {
        Map<String, String> p = new HashMap<>(DEMO_SECRETS.get(service));
        p.put("quarkus.profile", "local");
        return p;
    }

    private Map<String, String> serviceProperties(String service) {
        Map<String, String> p = new HashMap<>();
        p.put("quarkus.http.port", String.valueOf(settings.servicePorts().get(service)));
        p.put("quarkus.datasource.jdbc.url", database.jdbcUrl(switch (service) {
            case PlatformSettings.AGREEMENT -> "agreements";
            case PlatformSettings.CONCERN -> "concerns";
            case PlatformSettings.SHARING -> "sharing";
            default -> "notifications";
        }));
        p.put("quarkus.datasource.username", settings.postgresUser());
        p.put("quarkus.datasource.password", settings.postgresPassword());
        p.put("kafka.bootstrap.servers", settings.kafkaBootstrap());
        p.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        // Each service's own client-credentials token, for calls between services.
        p.put("kit.service-client.token-url", keycloak.issuer() + "/protocol/openid-connect/token");
        if (service.equals(PlatformSettings.AGREEMENT)) {
            // Local gateways (a developer's receiver, the system tests' receiver) listen on plain http://localhost.
            p.put("agreement.gateway.allow-loopback-http", "true");
            // Provisions each registered organisation's gateway client through Keycloak's admin API.
            p.put("agreement.keycloak.url", settings.keycloakUrl());
        }
        if (service.equals(PlatformSettings.NOTIFICATION)) {
            p.put("notification.links.concern-service", settings.serviceUrl(PlatformSettings.CONCERN));
            p.put("notification.links.sharing-service", settings.serviceUrl(PlatformSettings.SHARING));
            p.put("notification.links.agreement-service", settings.serviceUrl(PlatformSettings.AGREEMENT));
            // No mail server locally: emails are written to the notification-service log instead.
            p.put("quarkus.mailer.mock", System.getenv().getOrDefault("SMTP_MOCK", "true"));
        }
        if (service.equals(PlatformSettings.SHARING)) {
            // Disclosures snapshot the released data from concern-service.
            p.put("sharing.concern-service-url", settings.serviceUrl(PlatformSettings.CONCERN));
        }
        return p;
    }

    public String serviceUrl(String service) {
        return settings.serviceUrl(service);
    }

    public String keycloakUrl() {
        return settings.keycloakUrl();
    }

    public String tokenEndpoint() {
        return keycloak.issuer() + "/protocol/openid-connect/token";
    }

    public Map<String, Duration> startTimes() {
        return Map.copyOf(startTimes);
    }

    /** Process ids of the services (for memory figures and fault drills). */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach((name, service) -> pids.put(name, service.pid()));
        return pids;
    }

    /** Whether the service's process is alive (it may still be starting); false after a kill until it is started again. */
    public boolean serviceRunning(String service) {
        return services.get(service).running();
    }

    /** Where everything listens and the database credentials (for drills that check the stores directly). */
    public PlatformSettings settings() {
        return settings;
    }

    /** Kills one service as a crash would: no shutdown hooks (restart drills). */
    public void killService(String service) {
        services.get(service).kill();
    }

    /** Stops one service as an operator would (its shutdown drains its work), e.g. to time its start alone. */
    public void stopService(String service) {
        services.get(service).stop();
    }

    /** Starts a stopped or killed service again and waits until it is ready. */
    public void startService(String service) throws Exception {
        ServiceProcess process = services.get(service);
        process.start();
        process.awaitReady(Duration.ofSeconds(120));
    }

    /** Stops the Kafka broker, keeping its log (outage drills). */
    public void stopKafka() {
        broker.stop();
    }

    public void startKafka() throws Exception {
        broker.start();
    }

    /**
     * Stops PostgreSQL as an operator's restart would (a fast shutdown: sessions are ended, the data stays), for
     * outage drills; the services keep running and reconnect when it is back. Only the embedded server can be
     * stopped.
     */
    public void stopDatabase() {
        if (!database.embedded()) {
            throw new IllegalStateException("PostgreSQL is external (SGX_POSTGRES_URL); the launcher cannot stop it");
        }
        database.stop();
    }

    /** Starts PostgreSQL again on the same port and data after {@link #stopDatabase()}. */
    public void startDatabase() throws Exception {
        database.start();
    }

    public String summary(Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("\nSafeguarding Exchange is running (started in ").append(took.toSeconds()).append(" s).\n\n");
        services.forEach((name, service) -> out.append(String.format("  %-22s %s   (API docs: %s/q/swagger-ui)%n",
                name, service.url(), service.url())));
        out.append(String.format("  %-22s %s   (admin console: admin / admin)%n", "keycloak", settings.keycloakUrl()));
        out.append(String.format("  %-22s %s%n", "kafka", settings.kafkaBootstrap()));
        out.append(String.format("  %-22s %s (user %s)%n", "postgresql", settings.jdbcBase(), settings.postgresUser()));
        out.append("\nDemo partnership (Northshire): NORTHSHIRE-ASC (council), NORTHSHIRE-POLICE, NORTHSHIRE-NHS,\n")
                .append("  NORTHSHIRE-AMBULANCE, MEADOWBANK-CARE, ORCHARD-CARE, NORTHSHIRE-HOMES and BRIGHTER-DAYS (a charity with\n")
                .append("  no agreement); all but the charity are party to the \"").append(DemoPartnership.PROTOCOL_TITLE).append("\".\n")
                .append("\nDemo users (password: demo): care.practitioner, care.manager, care.lead, asc.officer, asc.admin,\n")
                .append("  asc.auditor, police.lead, police.officer, nhs.practitioner, nhs.manager, nhs.lead, ambulance.practitioner,\n")
                .append("  ambulance.lead, orchard.practitioner, orchard.manager, orchard.lead, homes.practitioner, homes.lead,\n")
                .append("  charity.practitioner, charity.lead, care.caldicott, nhs.caldicott (caldicott-guardian),\n")
                .append("  care.dpo (data-protection-officer)\n")
                .append("Gateway clients: gateway-<organisation code in lower case>, secret demo-secret-<same>\n\n")
                .append("Get a token:\n  curl -s -d grant_type=password -d client_id=safeguarding-exchange-cli \\\n")
                .append("       -d username=care.practitioner -d password=demo ").append(tokenEndpoint()).append('\n')
                .append("\nLogs: ").append(settings.home().resolve("logs")).append("\nPress Ctrl-C to stop.\n");
        return out.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Services first and together (they drain their work), then what they depend on.
        services.values().parallelStream().forEach(ServiceProcess::stop);
        keycloak.stop();
        broker.stop();
        database.stop();
    }
}
