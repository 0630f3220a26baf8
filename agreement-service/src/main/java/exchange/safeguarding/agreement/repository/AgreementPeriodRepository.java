package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.agreement.AgreementPeriod;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AgreementPeriodRepository implements PanacheRepositoryBase<AgreementPeriod, Long> {

    public Optional<AgreementPeriod> open(UUID versionId) {
        return find("versionId = ?1 and until is null", versionId).firstResultOptional();
    }

    public boolean inForce(UUID versionId, Instant at) {
        return !getEntityManager().createQuery(
                        "select 1 from AgreementPeriod p where p.versionId = ?1 and p.from <= ?2 and (p.until is null or p.until > ?2)")
                .setParameter(1, versionId).setParameter(2, at).setMaxResults(1).getResultList().isEmpty();
    }
}
