package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.kit.persistence.NativeSql;
import exchange.safeguarding.kit.persistence.Paging;
import exchange.safeguarding.sharing.domain.Disclosure;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DisclosureRepository implements PanacheRepositoryBase<Disclosure, UUID> {

    public List<Disclosure> receivedBy(String organisation, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        return find("recipient = ?1 and status = ?2", Sort.descending("createdAt"), organisation, Disclosure.Status.MADE)
                .page(Page.of(page, size)).list();
    }

    public List<Disclosure> madeBy(String organisation, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        return find("organisation", Sort.descending("createdAt"), organisation).page(Page.of(page, size)).list();
    }

    public List<Disclosure> ofRequests(Collection<UUID> requestIds) {
        return list("requestId in ?1", Sort.ascending("createdAt"), requestIds);
    }

    /** Due for a snapshot attempt; locked so two replicas never take the same one. */
    public List<UUID> due(Instant now, int limit) {
        return NativeSql.column(getEntityManager(), """
                select id from disclosure where status = 'PREPARING' and next_attempt_at <= ?
                order by next_attempt_at limit ?""", UUID.class, now, limit);
    }

    public Disclosure lockIfPreparing(UUID id) {
        return getEntityManager().createQuery("from Disclosure where id = :id and status = :status", Disclosure.class)
                .setParameter("id", id).setParameter("status", Disclosure.Status.PREPARING)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .getResultStream().findFirst().orElse(null);
    }
}
