package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.agreement.AgreementStatus;
import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AgreementVersionRepository implements PanacheRepositoryBase<AgreementVersion, UUID> {

    public List<AgreementVersion> versionsOf(UUID agreementId) {
        return list("agreementId", Sort.ascending("version"), agreementId);
    }

    public Optional<AgreementVersion> version(UUID agreementId, int version) {
        return find("agreementId = ?1 and version = ?2", agreementId, version).firstResultOptional();
    }

    /** Locked, so concurrent signatures or amendments of one agreement queue up instead of racing. */
    public List<AgreementVersion> versionsOfForUpdate(UUID agreementId) {
        return find("agreementId", Sort.ascending("version"), agreementId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<AgreementVersion> withStatus(Collection<AgreementStatus> statuses) {
        return find("status in ?1", Sort.ascending("createdAt"), statuses).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Versions that name both organisations as parties, newest first. */
    @SuppressWarnings("unchecked")
    public List<AgreementVersion> namingBoth(String first, String second) {
        return getEntityManager().createNativeQuery("""
                        select * from agreement_version
                        where parties @> cast(array[:a, :b] as varchar(64)[])
                        order by created_at desc""", AgreementVersion.class)
                .setParameter("a", first).setParameter("b", second).getResultList();
    }

    /** The agreements an organisation is party to (their versions), newest first. */
    @SuppressWarnings("unchecked")
    public List<AgreementVersion> naming(String organisation) {
        return getEntityManager().createNativeQuery("""
                        select * from agreement_version where :org = any(parties) order by created_at desc""",
                        AgreementVersion.class)
                .setParameter("org", organisation).getResultList();
    }
}
