package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.ConcernAccess;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConcernAccessRepository implements PanacheRepositoryBase<ConcernAccess, ConcernAccess.Key> {

    /** Grants access once; a later grant for another reason keeps the first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grant(UUID concernId, String organisation, ConcernAccess.Reason reason, Instant at) {
        getEntityManager().createNativeQuery("""
                        insert into concern_access (concern_id, organisation, reason, granted_at)
                        values (:concern, :org, :reason, :at) on conflict do nothing""")
                .setParameter("concern", concernId).setParameter("org", organisation)
                .setParameter("reason", reason.name()).setParameter("at", at).executeUpdate();
    }

    /** One statement for many concerns: a pattern alert can name dozens. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void grantAll(UUID[] concernIds, String organisation, ConcernAccess.Reason reason, Instant at) {
        getEntityManager().createNativeQuery("""
                        insert into concern_access (concern_id, organisation, reason, granted_at)
                        select unnest(cast(:concerns as uuid[])), :org, :reason, :at on conflict do nothing""")
                .setParameter("concerns", concernIds).setParameter("org", organisation)
                .setParameter("reason", reason.name()).setParameter("at", at).executeUpdate();
    }

    public boolean granted(UUID concernId, String organisation) {
        // Not Panache's count(): Hibernate re-translates a count query on every call, and this runs on every read.
        return !getEntityManager().createQuery("select 1 from ConcernAccess a where a.concernId = ?1 and a.organisation = ?2")
                .setParameter(1, concernId).setParameter(2, organisation).setMaxResults(1).getResultList().isEmpty();
    }

    public List<ConcernAccess> of(UUID concernId) {
        return list("concernId", concernId);
    }
}
