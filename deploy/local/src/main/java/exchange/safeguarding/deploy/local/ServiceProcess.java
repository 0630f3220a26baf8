package exchange.safeguarding.deploy.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One of the four services, run from its packaged Quarkus application as its own JVM. */
final class ServiceProcess {

    private final String name;
    private final PlatformSettings settings;
    private final Map<String, String> properties;
    private ChildProcess process;

    ServiceProcess(String name, PlatformSettings settings, Map<String, String> properties) {
        this.name = name;
        this.settings = settings;
        this.properties = properties;
    }

    void start() throws IOException {
        Path jar = settings.projectRoot().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; build the project first (./mvnw install -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=192m", "-Xss512k"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        process = ChildProcess.start(name, command, settings.home().resolve("run").resolve(name), Map.of(),
                settings.home().resolve("logs"));
    }

    void awaitReady(Duration timeout) {
        Readiness.await(name, url() + "/q/health/ready", timeout, process::alive);
    }

    String name() {
        return name;
    }

    String url() {
        return settings.serviceUrl(name);
    }

    long pid() {
        return process.pid();
    }

    boolean running() {
        return process != null && process.alive();
    }

    void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    /** A crash, for fault drills: no shutdown hooks, no goodbyes. */
    void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }
}
