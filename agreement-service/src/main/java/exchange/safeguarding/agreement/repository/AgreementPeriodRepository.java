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
        return count("versionId = ?1 and from <= ?2 and (until is null or until > ?2)", versionId, at) > 0;
    }
}
