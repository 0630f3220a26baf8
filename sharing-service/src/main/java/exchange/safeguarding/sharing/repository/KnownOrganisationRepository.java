package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.KnownOrganisation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class KnownOrganisationRepository implements PanacheRepositoryBase<KnownOrganisation, String> {
}
