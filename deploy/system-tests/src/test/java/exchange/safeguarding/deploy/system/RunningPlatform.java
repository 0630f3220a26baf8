package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.IsolatedPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;

import java.nio.file.Path;

/**
 * The whole platform, started once for all system tests exactly as a developer starts it (the demo partnership
 * seeded), in a fresh home under target/ and on free ports so it never collides with a platform already running
 * here. Tests reach it through {@link Partnership}.
 */
final class RunningPlatform {

    private static LocalPlatform platform;

    private RunningPlatform() {
    }

    static synchronized LocalPlatform get() {
        if (platform == null) {
            ActingPersonFilter.install();
            try {
                Path root = Path.of("").toAbsolutePath().getParent().getParent();
                Path home = Path.of("target", "platform-home").toAbsolutePath();
                PlatformSettings settings = IsolatedPlatform.settings(root, home, 21000, 30000);
                platform = new LocalPlatform(settings);
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
                long started = System.nanoTime();
                platform.start();
                System.out.printf("platform started in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000,
                        platform.startTimes());
                // As a developer's platform starts: with the demo partnership, seeded through the public APIs.
                long seeding = System.nanoTime();
                var seeded = platform.seedDemoPartnership();
                System.out.printf("demo partnership seeded in %d ms: %d things created%n",
                        (System.nanoTime() - seeding) / 1_000_000, seeded.created().size());
            } catch (Exception e) {
                throw new IllegalStateException("the platform did not start", e);
            }
        }
        return platform;
    }
}
