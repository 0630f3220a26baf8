package exchange.safeguarding.concern.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Idempotency-Key each organisation sent with a concern it raised. Claiming a key is one insert that waits for a
 * concurrent claim of the same key to commit or roll back, so two retries racing each other store one concern.
 */
@ApplicationScoped
public class IdempotencyKeyRepository {

    /** The concern a key was first used for, and a fingerprint of the request it came with. */
    public record Claimed(UUID concernId, String requestFingerprint) {
    }

    private final EntityManager entityManager;

    public IdempotencyKeyRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Claims the key for a new concern; empty if the organisation already used it, which is then returned. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Claimed> claim(String organisation, String key, String requestFingerprint, UUID concernId, Instant at) {
        int inserted = entityManager.createNativeQuery("""
                        insert into concern_idempotency_key (organisation, idempotency_key, request_fingerprint, concern_id, created_at)
                        values (:org, :key, :fingerprint, :concern, :at) on conflict do nothing""")
                .setParameter("org", organisation).setParameter("key", key).setParameter("fingerprint", requestFingerprint)
                .setParameter("concern", concernId).setParameter("at", at).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> earlier = entityManager.createNativeQuery("""
                        select concern_id, request_fingerprint from concern_idempotency_key
                        where organisation = :org and idempotency_key = :key""")
                .setParameter("org", organisation).setParameter("key", key).getResultList();
        if (earlier.isEmpty()) {
            // Not possible in READ COMMITTED: the conflicting row was committed before the insert gave up.
            throw new IllegalStateException("idempotency key conflicted but is not visible");
        }
        return Optional.of(new Claimed((UUID) earlier.get(0)[0], (String) earlier.get(0)[1]));
    }
}
