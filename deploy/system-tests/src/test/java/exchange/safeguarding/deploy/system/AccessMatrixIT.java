package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.system.AccessExpectations.Expectation;
import exchange.safeguarding.deploy.system.ApiDocuments.Operation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access-control matrix of the assembled platform, generated from the services' OpenAPI documents: for every
 * operation, no token and every token a service must refuse (garbage, unsigned, tampered, another key's, expired,
 * another audience's) get 401; every realm role not allowed gets 403; an allowed role gets 404 for another
 * organisation's record, answered exactly as for a missing one; an allowed role on its own record gets through.
 * The table is written to target/access-matrix.txt.
 */
class AccessMatrixIT {

    static LocalPlatform platform;
    static SecurityTestWorld world;
    static List<Operation> operations;
    static Map<String, Expectation> expectations;

    @BeforeAll
    static void platformWithTheSecurityTestWorld() {
        platform = Partnership.platform();
        world = SecurityTestWorld.get(platform, Partnership::awaitReplicated);
        operations = ApiDocuments.fetch(platform);
        expectations = AccessExpectations.load();
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheMatrixSays() throws IOException {
        AccessMatrix matrix = new AccessMatrix(world, operations, expectations);
        List<String> coverage = matrix.coverageProblems();
        assertTrue(coverage.isEmpty(), "the matrix and the OpenAPI documents differ:\n" + String.join("\n", coverage));

        long started = System.nanoTime();
        matrix.run();
        Path report = Path.of("target", "access-matrix.txt");
        Files.writeString(report, matrix.report());
        System.out.printf("access matrix: %d operations, %d requests in %d ms, %d not as expected; table in %s%n",
                operations.size(), matrix.cells.size(), (System.nanoTime() - started) / 1_000_000, matrix.failures.size(),
                report.toAbsolutePath());
        assertTrue(matrix.failures.isEmpty(), matrix.failures.size() + " cells not as expected (see " + report + "):\n"
                + String.join("\n", matrix.failures.subList(0, Math.min(20, matrix.failures.size()))));
    }

    @Test
    void anOperationTheMatrixDoesNotKnowOrWhoseRolesDifferFailsTheCheck() {
        Map<String, Expectation> missingOne = new TreeMap<>(expectations);
        Expectation removed = missingOne.remove("POST /concerns");
        Expectation widened = new Expectation(removed.key(), List.of("practitioner", "auditor"), removed.seesAll(),
                removed.params(), removed.body(), removed.lists(), removed.foreignStatus(), removed.foreignWhy(),
                removed.foreignSameAsMissing(), removed.expect(), removed.expectWhy());
        Map<String, Expectation> stale = new TreeMap<>(expectations);
        stale.put("DELETE /concerns/{id}", removed);
        Map<String, Expectation> wrongRoles = new TreeMap<>(expectations);
        wrongRoles.put("POST /concerns", widened);

        assertEquals(List.of("POST /concerns is in an OpenAPI document but not in access-matrix.yaml: add who may call it"),
                new AccessMatrix(world, operations, missingOne).coverageProblems());
        assertEquals(List.of("DELETE /concerns/{id} is in access-matrix.yaml but in no OpenAPI document: remove it or document the operation"),
                new AccessMatrix(world, operations, stale).coverageProblems());
        List<String> roles = new AccessMatrix(world, operations, wrongRoles).coverageProblems();
        assertEquals(1, roles.size(), roles.toString());
        assertTrue(roles.get(0).startsWith("POST /concerns allows [gateway, la-safeguarding-officer, line-manager, practitioner, "
                + "safeguarding-lead] in its OpenAPI document but [auditor, practitioner]"), roles.get(0));
    }
}
