package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.persistence.NativeSql;
import exchange.safeguarding.kit.signal.AfterCommit;
import exchange.safeguarding.kit.signal.BackgroundRounds;
import exchange.safeguarding.kit.signal.Wakeup;
import exchange.safeguarding.sharing.config.SharingConfig;
import exchange.safeguarding.sharing.domain.LogEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Links the entries decisions leave waiting into the hash chain, in the order they were staged, many per
 * transaction. Only one linker works at a time across every replica (an advisory lock held to commit), so the
 * chain never forks; deciding transactions never take that lock, so a decision never queues behind another's
 * commit.
 */
@ApplicationScoped
public class DecisionLogChain {

    /** Any fixed number: the advisory lock that serialises linking. */
    private static final long CHAIN_LOCK = 0x5348415245L;

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final SharingConfig config;
    private final Wakeup wakeup = new Wakeup();
    private BackgroundRounds rounds;

    public DecisionLogChain(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
                            SharingConfig config) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        rounds = BackgroundRounds.start("decision-log-chain", () -> {
            Thread.sleep(config.logChain().linger().toMillis());
            return link(false) == batch();
        }, wakeup, config.logChain().pollInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (rounds != null) {
            rounds.stop();
        }
    }

    int batch() {
        return config.logChain().batch();
    }

    /** Called by the deciding transaction: the linker runs once that transaction has committed. */
    void wakeAfterCommit() {
        AfterCommit.run(transactions, wakeup::wake);
    }

    /**
     * Links up to one batch of waiting entries.
     *
     * @param waitForLinker wait while another instance is linking (verification), rather than leave it to that one
     * @return how many entries were linked
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int link(boolean waitForLinker) {
        if (waitForLinker) {
            NativeSql.rows(entityManager, "select pg_advisory_xact_lock(?)", CHAIN_LOCK);
        } else if (!NativeSql.column(entityManager, "select pg_try_advisory_xact_lock(?)", Boolean.class, CHAIN_LOCK).get(0)) {
            return 0;
        }
        List<Object[]> waiting = NativeSql.rows(entityManager, """
                select id, entry_type, subject_id, organisation, payload, recorded_at
                from decision_log_pending order by id limit ?""", batch());
        if (waiting.isEmpty()) {
            return 0;
        }
        List<Object[]> last = NativeSql.rows(entityManager, "select seq, hash from decision_log order by seq desc limit 1");
        long seq = last.isEmpty() ? 0 : ((Number) last.get(0)[0]).longValue();
        String previousHash = last.isEmpty() ? DecisionLog.GENESIS : (String) last.get(0)[1];
        entityManager.unwrap(Session.class).setJdbcBatchSize(waiting.size());
        List<Long> linked = new ArrayList<>(waiting.size());
        for (Object[] row : waiting) {
            LogEntry entry = new LogEntry();
            entry.pendingId = ((Number) row[0]).longValue();
            entry.seq = ++seq;
            entry.previousHash = previousHash;
            entry.entryType = (String) row[1];
            entry.subjectId = (UUID) row[2];
            entry.organisation = (String) row[3];
            entry.payload = (String) row[4];
            entry.recordedAt = ((Timestamp) row[5]).toInstant();
            entry.hash = DecisionLog.hash(entry);
            entityManager.persist(entry);
            previousHash = entry.hash;
            linked.add(entry.pendingId);
        }
        // The database lets a waiting entry go only once the chain holds it (flushed by the delete).
        NativeSql.update(entityManager, "delete from decision_log_pending where id = any(?)", linked);
        return linked.size();
    }

    /** Entries staged but not yet in the chain. */
    @Transactional
    public long waiting() {
        return NativeSql.column(entityManager, "select count(*) from decision_log_pending", Long.class).get(0);
    }
}
