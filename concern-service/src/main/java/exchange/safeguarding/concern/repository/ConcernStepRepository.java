package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.ConcernStep;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConcernStepRepository implements PanacheRepositoryBase<ConcernStep, Long> {

    public List<ConcernStep> of(UUID concernId) {
        return list("concernId", Sort.ascending("id"), concernId);
    }
}
