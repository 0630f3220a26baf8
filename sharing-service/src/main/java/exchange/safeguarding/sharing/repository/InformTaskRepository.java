package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.InformTask;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
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

    public List<InformTask> newlyOverdue(Instant now, int limit) {
        return find("status = ?1 and dueAt < ?2 and overdueReportedAt is null", Sort.ascending("dueAt"),
                InformTask.Status.OPEN, now).page(Page.ofSize(limit)).list();
    }

    public List<InformTask> ofRequests(Collection<UUID> requestIds) {
        return list("requestId in ?1", requestIds);
    }
}
