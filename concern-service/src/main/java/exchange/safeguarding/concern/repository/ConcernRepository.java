package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.Concern;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConcernRepository implements PanacheRepositoryBase<Concern, UUID> {

    public List<Concern> ownedBy(String organisation, int page, int size) {
        return find("organisation", Sort.descending("raisedAt"), organisation).page(Page.of(page, size)).list();
    }
}
