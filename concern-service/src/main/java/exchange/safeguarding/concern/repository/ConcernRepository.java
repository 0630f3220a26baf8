package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.kit.persistence.Paging;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConcernRepository implements PanacheRepositoryBase<Concern, UUID> {

    /** Concerns an organisation may see (it raised them, owns a step, was referred or disclosed them), newest first. */
    @SuppressWarnings("unchecked")
    public List<Concern> visibleTo(String organisation, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("""
                        select c.* from concern c join concern_access a on a.concern_id = c.id
                        where a.organisation = :org order by c.raised_at desc offset :offset limit :limit""", Concern.class)
                .setParameter("org", organisation).setParameter("offset", page * size).setParameter("limit", size)
                .getResultList();
    }

    /** Concerns whose current step's response is overdue, locked so one replica escalates each. */
    public List<Concern> overdue(Instant now, int limit) {
        // HQL with SKIP LOCKED (lock timeout -2) rather than a native query, whose plan Hibernate re-caches per call.
        return getEntityManager().createQuery("from Concern c where c.responseDueAt <= :now order by c.responseDueAt",
                        Concern.class)
                .setParameter("now", now).setMaxResults(limit)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .getResultList();
    }

    public List<Concern> aboutAnyOf(Collection<UUID> personIds) {
        return list("adultPersonId in ?1 order by raisedAt", personIds);
    }

    public Concern forUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
