package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.AgreementVersionReplica;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgreementReplicaRepository implements PanacheRepositoryBase<AgreementVersionReplica, UUID> {

    /** Versions naming both organisations, newest first. */
    public List<AgreementVersionReplica> namingBoth(String a, String b) {
        return getEntityManager().createQuery("""
                        select v from AgreementVersionReplica v where v.versionId in (
                          select p1.versionId from AgreementParty p1, AgreementParty p2
                          where p1.versionId = p2.versionId and p1.organisation = :a and p2.organisation = :b)
                        order by v.updatedAt desc""", AgreementVersionReplica.class)
                .setParameter("a", a).setParameter("b", b).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceParties(UUID versionId, List<String> organisations) {
        getEntityManager().createNativeQuery("delete from agreement_party where version_id = :v")
                .setParameter("v", versionId).executeUpdate();
        for (String organisation : organisations) {
            getEntityManager().createNativeQuery("insert into agreement_party (version_id, organisation) values (:v, :o) on conflict do nothing")
                    .setParameter("v", versionId).setParameter("o", organisation).executeUpdate();
        }
    }
}
