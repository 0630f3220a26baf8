package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.LocalPlatform;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input against every operation of the assembled platform, generated from the services' OpenAPI documents
 * (see {@link HostileRequests}): zero 5xx, every refusal RFC 9457 problem+json, no stack trace or exception name in
 * any answer, and nothing changed by what was refused. The report is written to target/hostile-input.txt.
 *
 * <p>{@code ./mvnw verify} sends a bounded run (3,000 requests, at most 120 s). The full run:
 * {@code ./mvnw -pl deploy/system-tests -am verify -Dit.test=HostileInputIT -Dhostile.requests=50000
 * -Dfailsafe.failIfNoSpecifiedTests=false} (also {@code -Dhostile.seconds}, {@code -Dhostile.threads}, {@code -Dhostile.seed}).
 */
class HostileInputIT {

    @Test
    void hostileRequestsAreRefusedCleanlyAndChangeNothing() throws Exception {
        int budget = Integer.getInteger("hostile.requests", 3_000);
        Duration time = Duration.ofSeconds(Long.getLong("hostile.seconds", budget > 3_000 ? 4 * 3_600 : 120));
        int threads = Integer.getInteger("hostile.threads", 4);
        long seed = Long.getLong("hostile.seed", 20_261_125L);
        LocalPlatform platform = Partnership.platform();
        SecurityTestWorld world = SecurityTestWorld.get(platform, Partnership::awaitReplicated);
        List<ApiDocuments.Operation> operations = ApiDocuments.fetch(platform);

        HostileInput hostile = new HostileInput(world, operations, AccessExpectations.load(), budget, time, threads, seed);
        hostile.run();

        Path report = Path.of("target", "hostile-input.txt");
        Files.writeString(report, hostile.report(String.format("-Dhostile.requests=%d -Dhostile.seconds=%d -Dhostile.threads=%d "
                + "-Dhostile.seed=%d", budget, time.toSeconds(), threads, seed)));
        System.out.printf("hostile input: %d requests in %d ms, %d findings; report in %s%n", hostile.outcomes.size(),
                hostile.elapsedMillis, hostile.failures.size(), report.toAbsolutePath());
        assertEquals(operations.size(), hostile.statusesByOperation.size(), "every documented operation was sent hostile requests");
        assertTrue(hostile.failures.isEmpty(), hostile.failures.size() + " findings (see " + report + "):\n"
                + String.join("\n", hostile.failures.subList(0, Math.min(15, hostile.failures.size()))));
    }
}
