package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.KnownOrganisation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import exchange.safeguarding.kit.standing.SuspendedOrganisations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

@ApplicationScoped
public class KnownOrganisationRepository implements PanacheRepositoryBase<KnownOrganisation, String>, SuspendedOrganisations {

    /** The organisations whose tokens every endpoint refuses (kit {@code OrganisationStanding}). */
    @Override
    public Set<String> read() {
        return Set.copyOf(getEntityManager()
                .createQuery("select o.code from KnownOrganisation o where o.status = 'SUSPENDED'", String.class).getResultList());
    }
}
