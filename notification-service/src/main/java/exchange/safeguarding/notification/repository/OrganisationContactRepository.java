package exchange.safeguarding.notification.repository;

import exchange.safeguarding.kit.standing.SuspendedOrganisations;
import exchange.safeguarding.notification.domain.OrganisationContact;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

@ApplicationScoped
public class OrganisationContactRepository implements PanacheRepositoryBase<OrganisationContact, String>, SuspendedOrganisations {

    /** The organisations whose tokens every endpoint refuses (kit {@code OrganisationStanding}). */
    @Override
    public Set<String> read() {
        return Set.copyOf(getEntityManager()
                .createQuery("select c.organisation from OrganisationContact c where c.status = 'SUSPENDED'", String.class)
                .getResultList());
    }
}
