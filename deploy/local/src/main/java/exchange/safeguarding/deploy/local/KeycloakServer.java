package exchange.safeguarding.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak server (distribution from Maven Central, unpacked by the build), installed once into
 * the platform's home so its data survives rebuilds, with the safeguarding realm imported on first start.
 */
final class KeycloakServer {

    static final String REALM = "safeguarding";

    private final PlatformSettings settings;
    private ChildProcess process;

    KeycloakServer(PlatformSettings settings) {
        this.settings = settings;
    }

    void start() throws IOException {
        if (settings.externalKeycloak().isPresent()) {
            Readiness.await("Keycloak", issuer() + "/.well-known/openid-configuration", Duration.ofSeconds(60), () -> true);
            return;
        }
        Path installed = install();
        Path imports = installed.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(settings.projectRoot().resolve("deploy/keycloak/safeguarding-realm.json"),
                imports.resolve("safeguarding-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        process = ChildProcess.start("keycloak",
                List.of(installed.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-port=" + settings.keycloakPort(),
                        "--http-management-port=" + (settings.keycloakPort() + 1000),
                        "--import-realm"),
                installed,
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", "admin", "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin",
                        "JAVA_OPTS_APPEND", "-Xms64m -Xmx512m"),
                settings.home().resolve("logs"));
        Readiness.await("Keycloak", issuer() + "/.well-known/openid-configuration", Duration.ofSeconds(180), process::alive);
    }

    String issuer() {
        return settings.keycloakUrl() + "/realms/" + REALM;
    }

    Long pid() {
        return process == null ? null : process.pid();
    }

    void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** Copies the unpacked distribution into the platform home the first time. */
    private Path install() throws IOException {
        Path target = settings.home().resolve("keycloak");
        if (Files.exists(target.resolve("bin/kc.sh"))) {
            return target;
        }
        Path unpacked = settings.projectRoot().resolve("deploy/local/target/keycloak");
        Path distribution;
        try (Stream<Path> dirs = Files.list(unpacked)) {
            distribution = dirs.filter(d -> d.getFileName().toString().startsWith("keycloak-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("Keycloak distribution missing; build deploy/local first"));
        }
        copyTree(distribution, target);
        target.resolve("bin/kc.sh").toFile().setExecutable(true);
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            all.forEach(source -> {
                try {
                    Path destination = to.resolve(from.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(destination);
                    } else {
                        Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
