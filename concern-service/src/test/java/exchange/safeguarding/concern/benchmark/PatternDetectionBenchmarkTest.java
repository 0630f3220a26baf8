package exchange.safeguarding.concern.benchmark;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.concern.service.PatternDetection;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The per-concern cost of pattern detection with a large store (default 1,000,000 concerns, over 200,000
 * adults, 50,000 persons alleged to cause harm and 5,000 care settings, spread over a year). Not part of the
 * normal test run: {@code ./mvnw -pl concern-service -am test -Dgroups=benchmark -DexcludedGroups=none
 * -Dbenchmark.concerns=1000000}. It reports figures (to stdout and target/benchmarks), it does not judge them.
 */
@QuarkusTest
@Tag("benchmark")
class PatternDetectionBenchmarkTest {

    static final int WARM_UP = 500;

    @Inject
    EntityManager entityManager;

    @Inject
    PatternDetection patterns;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @Inject
    ConcernRepository concerns;

    @Inject
    exchange.safeguarding.concern.service.ConcernDeadlines deadlines;

    @Test
    void patternDetectionCostPerConcern() throws IOException {
        int total = Integer.getInteger("benchmark.concerns", 1_000_000);
        int samples = Integer.getInteger("benchmark.samples", 2_000);
        long loadStarted = System.nanoTime();
        load(total);
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;

        @SuppressWarnings("unchecked")
        java.util.List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select id from concern tablesample bernoulli (1) order by random() limit :n", UUID.class)
                .setParameter("n", samples + WARM_UP).getResultList());
        Instant now = Instant.now();
        // A running service is warm: the first evaluations (JIT, pools, caches) are not counted.
        for (UUID id : ids.subList(0, WARM_UP)) {
            QuarkusTransaction.begin();
            try {
                patterns.evaluate(concerns.findById(id), now);
            } finally {
                QuarkusTransaction.rollback();
            }
        }
        ids = ids.subList(WARM_UP, ids.size());
        long[] nanos = new long[ids.size()];
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            // Each evaluation runs in its own transaction, rolled back so the store stays as loaded.
            QuarkusTransaction.begin();
            try {
                Concern concern = concerns.findById(id);
                long started = System.nanoTime();
                patterns.evaluate(concern, now);
                nanos[i] = System.nanoTime() - started;
            } finally {
                QuarkusTransaction.rollback();
            }
        }
        Arrays.sort(nanos);
        String report = """
                Pattern detection benchmark (%s)
                stored concerns: %,d (loaded in %.1f s)
                samples: %,d evaluations of existing concerns (all three rules, alert creation included), after %d unrecorded
                p50: %.2f ms   p95: %.2f ms   p99: %.2f ms   max: %.2f ms
                target: p99 under 10 ms
                """.formatted(Instant.now(), total, loadSeconds, nanos.length, WARM_UP, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos[nanos.length - 1] / 1e6);
        report += deadlineCheck();
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "pattern-detection.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /**
     * The deadline check on the same store: 30% of concerns awaiting a response, 1 in 1,000 of those overdue.
     * Finding a batch of overdue concerns must not slow as the store grows; escalating each is reported too.
     */
    private String deadlineCheck() {
        int overdue = QuarkusTransaction.requiringNew().timeout(600).call(() -> entityManager.createNativeQuery("""
                update concern set status = 'AWAITING_ACKNOWLEDGEMENT', current_step = 'LINE_MANAGER',
                       owner_organisation = organisation,
                       response_due_at = case when abs(hashtext(id::text)) % 1000 = 0 then now() - interval '1 hour'
                                              else now() + interval '3 days' end
                where abs(hashtext(id::text)) % 10 < 3""").executeUpdate());
        int due = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from concern where response_due_at <= now()").getSingleResult()).intValue());
        vacuumAnalyze();
        long[] finding = new long[200];
        for (int i = 0; i < finding.length; i++) {
            QuarkusTransaction.begin();
            try {
                long started = System.nanoTime();
                concerns.overdue(Instant.now(), 100);
                finding[i] = System.nanoTime() - started;
            } finally {
                QuarkusTransaction.rollback();
            }
        }
        Arrays.sort(finding);
        long started = System.nanoTime();
        deadlines.escalateOverdue();
        double escalating = (System.nanoTime() - started) / 1e6;
        return """
                deadline check: %,d concerns awaiting a response, %,d overdue
                  finding a batch of 100 overdue (locked, skip-locked): p50 %.2f ms   p99 %.2f ms
                  escalating all %,d overdue (route, step, event, in batches of 100): %.0f ms, %.2f ms per concern
                """.formatted(overdue, due, ms(finding, 0.50), ms(finding, 0.99), due, escalating, escalating / Math.max(1, due));
    }

    private void vacuumAnalyze() {
        // As autovacuum would in a running system: statistics, and the visibility map for index-only scans.
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("vacuum analyze");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void load(int total) {
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            entityManager.createNativeQuery("""
                    insert into person (id, given_name, family_name, date_of_birth, postcode, match_key, created_at)
                    select uuid_in(md5('p' || i)::cstring), 'Given' || i, 'Family' || i, date '1940-01-01' + (i % 20000),
                           'NS1 ' || (i % 9) || 'AB', null, now()
                    from generate_series(0, 199999) i
                    union all
                    select uuid_in(md5('h' || i)::cstring), 'Alleged' || i, 'Person' || i, null, null, null, now()
                    from generate_series(0, 49999) i""").executeUpdate();
            entityManager.createNativeQuery("""
                    insert into concern (id, organisation, raised_by, raised_by_name, adult_given_name, adult_family_name,
                                         what_happened, urgency, status, raised_at, adult_person_id, pah_person_id,
                                         setting_key, abuse_types, local_authority)
                    select uuid_in(md5('c' || i)::cstring), 'ORG-' || (i % 40), 'bench', 'bench', 'Given', 'Family',
                           'benchmark concern', 'LOW_LEVEL', 'RECORDED', now() - ((i % 365) || ' days')::interval,
                           uuid_in(md5('p' || (i % 200000))::cstring),
                           case when i % 10 = 0 then uuid_in(md5('h' || (i % 50000))::cstring) end,
                           'home' || (i % 5000), '{NEGLECT_AND_ACTS_OF_OMISSION}', 'BENCH-ASC'
                    from generate_series(0, :total - 1) i""").setParameter("total", total).executeUpdate();
        });
        vacuumAnalyze();
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
