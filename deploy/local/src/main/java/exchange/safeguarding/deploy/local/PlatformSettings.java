package exchange.safeguarding.deploy.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the local platform lives and listens. Defaults suit a developer's machine; environment variables
 * point it at external PostgreSQL, Kafka or Keycloak instead of starting its own.
 */
public record PlatformSettings(
        Path projectRoot,
        Path home,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int keycloakPort,
        Map<String, Integer> servicePorts,
        Optional<String> externalPostgresUrl,
        String postgresUser,
        String postgresPassword,
        Optional<String> externalKafka,
        Optional<String> externalKeycloak) {

    public static final String AGREEMENT = "agreement-service";
    public static final String CONCERN = "concern-service";
    public static final String SHARING = "sharing-service";
    public static final String NOTIFICATION = "notification-service";

    public static PlatformSettings fromEnvironment() {
        Path root = env("SGX_PROJECT_ROOT").map(Path::of).orElseGet(PlatformSettings::findProjectRoot);
        return new PlatformSettings(
                root,
                env("SGX_HOME").map(Path::of).orElse(root.resolve(".local-platform")),
                intEnv("SGX_POSTGRES_PORT", 15432),
                intEnv("SGX_KAFKA_PORT", 9092),
                intEnv("SGX_KAFKA_CONTROLLER_PORT", 9093),
                intEnv("SGX_KEYCLOAK_PORT", 8180),
                Map.of(AGREEMENT, intEnv("SGX_AGREEMENT_PORT", 8081), CONCERN, intEnv("SGX_CONCERN_PORT", 8082),
                        SHARING, intEnv("SGX_SHARING_PORT", 8083), NOTIFICATION, intEnv("SGX_NOTIFICATION_PORT", 8084)),
                env("SGX_POSTGRES_URL"),
                env("SGX_POSTGRES_USER").orElse("postgres"),
                env("SGX_POSTGRES_PASSWORD").orElse("postgres"),
                env("SGX_KAFKA_BOOTSTRAP"),
                env("SGX_KEYCLOAK_URL"));
    }

    /** Settings for a throw-away platform (system tests): its own home and the given ports. */
    public static PlatformSettings isolated(Path root, Path home, int firstPort) {
        return new PlatformSettings(root, home, firstPort, firstPort + 1, firstPort + 2, firstPort + 3,
                Map.of(AGREEMENT, firstPort + 4, CONCERN, firstPort + 5, SHARING, firstPort + 6, NOTIFICATION, firstPort + 7),
                Optional.empty(), "postgres", "postgres", Optional.empty(), Optional.empty());
    }

    public String jdbcBase() {
        return externalPostgresUrl.orElse("jdbc:postgresql://localhost:" + postgresPort);
    }

    public String kafkaBootstrap() {
        return externalKafka.orElse("localhost:" + kafkaPort);
    }

    public String keycloakUrl() {
        return externalKeycloak.orElse("http://localhost:" + keycloakPort);
    }

    public String serviceUrl(String service) {
        return "http://localhost:" + servicePorts.get(service);
    }

    /** The folder holding mvnw: the clone this launcher was built in. */
    static Path findProjectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("run from inside the Safeguarding Exchange clone, or set SGX_PROJECT_ROOT");
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).or(() -> Optional.ofNullable(System.getProperty(name)))
                .filter(v -> !v.isBlank());
    }

    private static int intEnv(String name, int fallback) {
        return env(name).map(Integer::parseInt).orElse(fallback);
    }
}
