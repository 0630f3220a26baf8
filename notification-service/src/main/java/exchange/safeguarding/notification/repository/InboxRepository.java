package exchange.safeguarding.notification.repository;

import exchange.safeguarding.kit.persistence.Paging;
import exchange.safeguarding.notification.domain.InboxMessage;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class InboxRepository implements PanacheRepositoryBase<InboxMessage, UUID> {

    public boolean exists(String eventId, String organisation) {
        // Not Panache's count(): Hibernate re-translates a count query on every call.
        return !getEntityManager().createQuery("select 1 from InboxMessage m where m.eventId = ?1 and m.organisation = ?2")
                .setParameter(1, eventId).setParameter(2, organisation).setMaxResults(1).getResultList().isEmpty();
    }

    /** Newest first; the role filter is applied by the caller (few roles, small pages). */
    public List<InboxMessage> of(String organisation, boolean unacknowledgedOnly, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        String query = unacknowledgedOnly ? "organisation = ?1 and acknowledgedAt is null" : "organisation = ?1";
        return find(query, Sort.descending("createdAt"), organisation).page(Page.of(page, size)).list();
    }
}
