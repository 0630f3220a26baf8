package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.Organisation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String> {

    public List<Organisation> allByCode() {
        return listAll(Sort.ascending("code"));
    }
}
