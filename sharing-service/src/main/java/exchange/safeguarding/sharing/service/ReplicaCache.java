package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.signal.AfterCommit;
import exchange.safeguarding.sharing.config.SharingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Replica reads that every decision repeats (organisations, the agreement covering a pair), held briefly
 * in memory. This instance clears it whenever it applies a replica event; the time to live bounds how stale
 * it can be when another instance applied the event. Either way it is no staler than the replicas
 * themselves are behind agreement-service.
 */
@ApplicationScoped
public class ReplicaCache {

    private record Entry(Optional<?> value, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final TransactionSynchronizationRegistry transactions;

    public ReplicaCache(SharingConfig config, TransactionSynchronizationRegistry transactions) {
        this.ttlNanos = config.replicaCacheTtl().toNanos();
        this.transactions = transactions;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> load) {
        long now = System.nanoTime();
        Entry entry = entries.get(key);
        if (entry == null || now - entry.expiresAt() > 0) {
            entry = new Entry(Optional.ofNullable(load.get()), now + ttlNanos);
            entries.put(key, entry);
        }
        return (T) entry.value().orElse(null);
    }

    /** Called while applying a replica event: cleared now and again once the change is committed. */
    public void changed() {
        entries.clear();
        AfterCommit.run(transactions, entries::clear);
    }
}
