package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.InformTask;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InformTaskRepository implements PanacheRepositoryBase<InformTask, UUID> {

    public List<InformTask> of(String organisation, InformTask.Status status, Instant overdueAt) {
        if (overdueAt != null) {
            return list("organisation = ?1 and status = ?2 and dueAt < ?3", Sort.ascending("dueAt"), organisation,
                    InformTask.Status.OPEN, overdueAt);
        }
        return status == null ? list("organisation", Sort.ascending("dueAt"), organisation)
                : list("organisation = ?1 and status = ?2", Sort.ascending("dueAt"), organisation, status);
    }

    /** Open tasks past due and not yet reported, locked (skipping those another replica holds) so each is reported once. */
    public List<InformTask> newlyOverdue(Instant now, int limit) {
        return getEntityManager().createQuery("""
                        from InformTask t where t.status = :open and t.dueAt < :now and t.overdueReportedAt is null
                        order by t.dueAt""", InformTask.class)
                .setParameter("open", InformTask.Status.OPEN).setParameter("now", now).setMaxResults(limit)
                .setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2)
                .getResultList();
    }

    public List<InformTask> ofRequests(Collection<UUID> requestIds) {
        return list("requestId in ?1", requestIds);
    }
}
