package exchange.safeguarding.kit.idempotency;

import exchange.safeguarding.kit.persistence.NativeSql;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The keys each organisation has used, per operation, and what each created. A service that takes keys creates the
 * table {@code kit_idempotency_key} in its own migrations (organisation, operation, idempotency_key,
 * request_fingerprint, resource_id, created_at; primary key organisation, operation, idempotency_key). Claiming is
 * one insert in the creating transaction; a concurrent claim of the same key waits for it to commit or roll back, so
 * two retries racing each other create one resource.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The resource to answer with, and whether an earlier request created it. */
    private record Claim(UUID resourceId, boolean replayed) {
    }

    /** What a creating request answers with, and whether an earlier request with the same key created it. */
    public record Created<T>(T resource, boolean replayed) {
    }

    private final EntityManager entityManager;

    public IdempotencyKeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Creates the resource under a new id, once per key: with a key the organisation used before for this operation,
     * answers with what that request created instead ({@code earlier}), or refuses a different request (422). Without
     * a key, always creates.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Created<T> once(String organisation, String operation, KeyedRequest request, Instant at,
                               Function<UUID, T> create, Function<UUID, T> earlier) {
        UUID id = UUID.randomUUID();
        if (request != null) {
            Claim claim = claim(organisation, operation, request, id, at);
            if (claim.replayed()) {
                return new Created<>(earlier.apply(claim.resourceId()), true);
            }
        }
        return new Created<>(create.apply(id), false);
    }

    /**
     * Claims the key for a resource about to be created under {@code newId}. If the organisation used the key for
     * this operation before, answers with what that request created, or refuses (422) when it asked for something
     * else.
     */
    private Claim claim(String organisation, String operation, KeyedRequest request, UUID newId, Instant at) {
        int inserted = NativeSql.update(entityManager, """
                        insert into kit_idempotency_key
                            (organisation, operation, idempotency_key, request_fingerprint, resource_id, created_at)
                        values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
                organisation, operation, request.key(), request.fingerprint(), newId, at);
        if (inserted == 1) {
            return new Claim(newId, false);
        }
        List<Object[]> earlier = NativeSql.rows(entityManager, """
                select resource_id, request_fingerprint from kit_idempotency_key
                where organisation = ? and operation = ? and idempotency_key = ?""", organisation, operation, request.key());
        if (earlier.isEmpty()) {
            // Not possible in READ COMMITTED: the conflicting row was committed before the insert gave up.
            throw new IllegalStateException("idempotency key conflicted but is not visible");
        }
        if (!request.fingerprint().equals(earlier.get(0)[1])) {
            throw ProblemException.ruleViolated(IdempotencyKey.HEADER + " " + request.key() + " was already used by your "
                    + "organisation for a different request; use a new key for a new request");
        }
        return new Claim((UUID) earlier.get(0)[0], true);
    }
}
