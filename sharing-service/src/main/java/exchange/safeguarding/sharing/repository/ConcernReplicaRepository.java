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

    /** Two paths fill the replica (the concern's event, and a caller's read of its own write): the first one wins. */
    public void insertIfAbsent(ConcernReplica c) {
        // Typed binding: a null person id or local authority must still bind as uuid and varchar.
        getEntityManager().createNativeQuery("""
                        insert into concern_replica (concern_id, organisation, adult_person_id, local_authority, urgency,
                        whistleblowing, raised_at) values (:id, :org, :adult, :la, :urgency, :wb, :at) on conflict do nothing""")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("id", c.concernId, UUID.class).setParameter("org", c.organisation, String.class)
                .setParameter("adult", c.adultPersonId, UUID.class).setParameter("la", c.localAuthority, String.class)
                .setParameter("urgency", c.urgency, String.class).setParameter("wb", c.whistleblowing, Boolean.class)
                .setParameter("at", c.raisedAt, java.time.Instant.class).executeUpdate();
        getEntityManager().flush();
    }

    public void addParty(UUID concernId, String organisation) {
        getEntityManager().createNativeQuery(
                        "insert into concern_party (concern_id, organisation) values (:c, :o) on conflict do nothing")
                .setParameter("c", concernId).setParameter("o", organisation).executeUpdate();
    }
}
