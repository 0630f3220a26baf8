package exchange.safeguarding.notification.repository;

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
        return count("eventId = ?1 and organisation = ?2", eventId, organisation) > 0;
    }

    /** Newest first; the role filter is applied by the caller (few roles, small pages). */
    public List<InboxMessage> of(String organisation, boolean unacknowledgedOnly, int page, int size) {
        String query = unacknowledgedOnly ? "organisation = ?1 and acknowledgedAt is null" : "organisation = ?1";
        return find(query, Sort.descending("createdAt"), organisation).page(Page.of(page, size)).list();
    }
}
