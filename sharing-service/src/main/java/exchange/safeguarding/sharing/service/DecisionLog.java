package exchange.safeguarding.sharing.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import exchange.safeguarding.sharing.domain.LogEntry;
import exchange.safeguarding.kit.persistence.NativeSql;
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
 * there on; verification names the first entry that no longer fits.
 */
@ApplicationScoped
public class DecisionLog {

    public static final String GENESIS = "0".repeat(64);
    /** Any fixed number: the advisory lock that serialises appends, so the chain never forks. */
    private static final long CHAIN_LOCK = 0x5348415245L;
    private static final int BATCH = 1_000;

    public record Verification(boolean intact, long entriesChecked, Long firstAlteredEntry, String problem, Instant checkedAt) {
    }

    /** Canonical JSON: sorted keys, ISO dates, so the same content always hashes the same. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final EntityManager entityManager;
    private final Clock clock;

    public DecisionLog(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Appends in the caller's transaction; call it last, as the chain lock is held until commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LogEntry append(String entryType, UUID subjectId, String organisation, Map<String, ?> payload) {
        String canonical = canonical(payload);
        // Write everything else first, so the chain lock is held only for this one insert and the commit.
        entityManager.flush();
        NativeSql.rows(entityManager, "select pg_advisory_xact_lock(?)", CHAIN_LOCK);
        List<Object[]> last = NativeSql.rows(entityManager, "select seq, hash from decision_log order by seq desc limit 1");
        LogEntry entry = new LogEntry();
        entry.seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
        entry.previousHash = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
        entry.entryType = entryType;
        entry.subjectId = subjectId;
        entry.organisation = organisation;
        entry.payload = canonical;
        // PostgreSQL keeps microseconds; hashing the stored precision keeps verification exact.
        entry.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.hash = hash(entry);
        entityManager.persist(entry);
        return entry;
    }

    @Transactional
    public Verification verify() {
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
                return new Verification(true, checked, null, null, clock.instant());
            }
        }
    }

    private Verification broken(long checked, long seq, String problem) {
        return new Verification(false, checked, seq, problem, clock.instant());
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
