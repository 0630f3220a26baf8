package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.KnownOrganisation;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import exchange.safeguarding.kit.standing.SuspendedOrganisations;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class KnownOrganisationRepository implements PanacheRepositoryBase<KnownOrganisation, String>, SuspendedOrganisations {

    /**
     * Organisations serving the same area (case-insensitive). The value is lower-cased here, not with {@code lower(?1)}:
     * Hibernate translated a query with a parameter inside a function afresh on every call (a fifth of concern
     * intake's CPU).
     */
    public List<KnownOrganisation> inArea(String area) {
        return list("lower(areaServed) = ?1 order by code", area.toLowerCase(Locale.ROOT));
    }

    public List<KnownOrganisation> ofType(String type) {
        return list("type = ?1 order by code", type);
    }

    /** The organisations whose tokens every endpoint refuses (kit {@code OrganisationStanding}). */
    @Override
    public Set<String> read() {
        return Set.copyOf(getEntityManager()
                .createQuery("select o.code from KnownOrganisation o where o.status = 'SUSPENDED'", String.class).getResultList());
    }
}
