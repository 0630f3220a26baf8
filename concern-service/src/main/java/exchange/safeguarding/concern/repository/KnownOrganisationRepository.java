package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.KnownOrganisation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class KnownOrganisationRepository implements PanacheRepositoryBase<KnownOrganisation, String> {

    /** Organisations serving the same area (case-insensitive), of a type. */
    public List<KnownOrganisation> inArea(String area) {
        return list("lower(areaServed) = lower(?1) order by code", area);
    }

    public List<KnownOrganisation> ofType(String type) {
        return list("type = ?1 order by code", type);
    }
}
