package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.ConcernReplica;
import exchange.safeguarding.kit.persistence.NativeSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConcernReplicaRepository implements PanacheRepositoryBase<ConcernReplica, UUID> {

    /** Organisations a concern was routed to, escalated to, or raised by: they may share about it. */
    public boolean involves(UUID concernId, String organisation) {
        return !NativeSql.rows(getEntityManager(), "select 1 from concern_party where concern_id = ? and organisation = ? limit 1",
                concernId, organisation).isEmpty();
    }

    public void addParty(UUID concernId, String organisation) {
        getEntityManager().createNativeQuery(
                        "insert into concern_party (concern_id, organisation) values (:c, :o) on conflict do nothing")
                .setParameter("c", concernId).setParameter("o", organisation).executeUpdate();
    }
}
