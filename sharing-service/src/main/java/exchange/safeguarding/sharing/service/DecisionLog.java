package exchange.safeguarding.sharing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import exchange.safeguarding.sharing.domain.LogEntry;
import exchange.safeguarding.kit.persistence.NativeSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The tamper-evident record of every decision and disclosure. Each entry's hash covers its own content and
 * the previous entry's hash, so changing, removing or reordering any stored entry breaks the chain from
 * there on; verification names the first entry that no longer fits. A decision stages its entry in its own
 * transaction; {@link DecisionLogChain} links staged entries into the chain moments later.
 */
@ApplicationScoped
public class DecisionLog {

    public static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 1_000;

    /** {@code entriesWaiting}: decisions staged after the check began, not yet in the chain (linked within moments). */
    public record Verification(boolean intact, long entriesChecked, Long firstAlteredEntry, String problem,
                               long entriesWaiting, Instant checkedAt) {
    }

    /** Canonical JSON: sorted keys, ISO dates, so the same content always hashes the same. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final EntityManager entityManager;
    private final DecisionLogChain chain;
    private final Clock clock;

    public DecisionLog(EntityManager entityManager, DecisionLogChain chain, Clock clock) {
        this.entityManager = entityManager;
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Stages the entry in the caller's transaction, so it exists exactly when the decision does. No lock: the chain
     * is extended after the commit, in the order entries were staged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String entryType, UUID subjectId, String organisation, Map<String, ?> payload) {
        NativeSql.update(entityManager, """
                        insert into decision_log_pending (entry_type, subject_id, organisation, payload, recorded_at)
                        values (?, ?, ?, ?, ?)""", entryType, subjectId, organisation, canonical(payload),
                // PostgreSQL keeps microseconds; hashing the stored precision keeps verification exact.
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        chain.wakeAfterCommit();
    }

    /** Links every entry waiting, then recomputes the whole chain. */
    public Verification verify() {
        // A short batch means everything committed by then is linked; new decisions may keep arriving meanwhile.
        while (chain.link(true) == chain.batch()) {
            // a full batch: more may be waiting
        }
        return QuarkusTransaction.requiringNew().call(this::check);
    }

    private Verification check() {
        String previous = GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (true) {
            List<LogEntry> batch = entityManager.createQuery("from LogEntry where seq >= :from order by seq", LogEntry.class)
                    .setParameter("from", expectedSeq).setMaxResults(BATCH).getResultList();
            for (LogEntry entry : batch) {
                if (entry.seq != expectedSeq) {
                    return broken(checked, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!entry.previousHash.equals(previous)) {
                    return broken(checked, entry.seq, "entry " + entry.seq + " does not follow the entry before it");
                }
                if (!entry.hash.equals(hash(entry))) {
                    return broken(checked, entry.seq, "entry " + entry.seq + " was altered after it was written");
                }
                previous = entry.hash;
                expectedSeq++;
                checked++;
            }
            entityManager.clear();
            if (batch.size() < BATCH) {
                return new Verification(true, checked, null, null, chain.waiting(), clock.instant());
            }
        }
    }

    private Verification broken(long checked, long seq, String problem) {
        return new Verification(false, checked, seq, problem, chain.waiting(), clock.instant());
    }

    static String hash(LogEntry e) {
        String material = String.join("|", e.previousHash, Long.toString(e.seq), e.entryType, e.subjectId.toString(),
                e.organisation, e.recordedAt.truncatedTo(ChronoUnit.MICROS).toString(), e.payload);
        return sha256(material);
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static String canonical(Object value) {
        try {
            // Records serialise in declaration order; a round trip through a tree sorts every level's keys.
            return CANONICAL.writeValueAsString(CANONICAL.convertValue(value, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("log payload is not serialisable", e);
        }
    }
}
