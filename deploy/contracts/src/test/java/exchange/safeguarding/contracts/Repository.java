package exchange.safeguarding.contracts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the document and the services' sources are. The tests read the working tree, so they check what is
 * about to be committed. {@code -Dcontracts.repository=<dir>} points them at another copy (used to show that
 * a change to the code without the document fails the build).
 */
record Repository(Path root) {

    static final List<String> SERVICES = List.of("agreement-service", "concern-service", "sharing-service",
            "notification-service");

    static Repository locate() {
        String configured = System.getProperty("contracts.repository");
        if (configured != null && !configured.isBlank()) {
            return new Repository(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/asyncapi.yaml")) && Files.isDirectory(dir.resolve("platform-kit"))) {
                return new Repository(dir);
            }
        }
        throw new IllegalStateException("no repository with docs/asyncapi.yaml above " + Path.of("").toAbsolutePath());
    }

    Path asyncApiDocument() {
        return root.resolve("docs/asyncapi.yaml");
    }

    Path mainSources(String service) {
        return root.resolve(service).resolve("src/main/java");
    }

    Path configuration(String service) {
        return root.resolve(service).resolve("src/main/resources/application.properties");
    }

    Path kitSources() {
        return root.resolve("platform-kit/runtime/src/main/java");
    }
}
