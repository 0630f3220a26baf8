package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.Organisation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import exchange.safeguarding.kit.standing.SuspendedOrganisations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

import java.util.List;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String>, SuspendedOrganisations {

    public List<Organisation> allByCode() {
        return listAll(Sort.ascending("code"));
    }

    /** The organisations whose tokens every endpoint refuses (kit {@code OrganisationStanding}). */
    @Override
    public Set<String> read() {
        return Set.copyOf(getEntityManager()
                .createQuery("select o.code from Organisation o where o.suspendedAt is not null", String.class).getResultList());
    }
}
