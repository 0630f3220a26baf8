package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.ReviewTask;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ReviewTaskRepository implements PanacheRepositoryBase<ReviewTask, UUID> {

    public List<ReviewTask> of(String organisation, ReviewTask.Status status) {
        return status == null ? list("organisation", Sort.ascending("dueAt"), organisation)
                : list("organisation = ?1 and status = ?2", Sort.ascending("dueAt"), organisation, status);
    }
}
