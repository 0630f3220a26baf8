package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.OrganisationChange;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OrganisationChangeRepository implements PanacheRepositoryBase<OrganisationChange, Long> {

    public List<OrganisationChange> of(String organisation) {
        return list("organisation", Sort.ascending("id"), organisation);
    }
}
