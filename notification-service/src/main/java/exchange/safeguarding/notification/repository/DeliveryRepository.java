package exchange.safeguarding.notification.repository;

import exchange.safeguarding.kit.persistence.NativeSql;
import exchange.safeguarding.kit.persistence.Paging;
import exchange.safeguarding.notification.domain.Delivery;
import exchange.safeguarding.notification.domain.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public long nextSequence(String recipient, String subject) {
        Long last = getEntityManager().createQuery(
                        "select max(d.sequence) from Delivery d where d.recipient = :recipient and d.subject = :subject", Long.class)
                .setParameter("recipient", recipient).setParameter("subject", subject).getSingleResult();
        return last == null ? 1 : last + 1;
    }

    public List<Delivery> forRecipient(String recipient, Optional<DeliveryStatus> status, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        Sort newest = Sort.descending("createdAt");
        return status.map(s -> find("recipient = ?1 and status = ?2", newest, recipient, s))
                .orElseGet(() -> find("recipient", newest, recipient))
                .page(Page.of(page, size)).list();
    }

    /**
     * Claims due deliveries whose gateway is configured and enabled, leasing them so no other dispatcher
     * takes them; oldest first, so one recipient's messages about a subject go in order.
     */
    public List<UUID> claimDue(Instant now, Instant leaseUntil, int limit) {
        return NativeSql.column(getEntityManager(), CLAIM_DUE, UUID.class, leaseUntil, now, now, limit);
    }

    private static final String CLAIM_DUE = """
            update delivery set lease_until = ?
            where id in (
                select d.id from delivery d
                join gateway_endpoint g on g.organisation = d.recipient and g.disabled_at is null
                where d.status = 'PENDING' and d.next_attempt_at <= ?
                  and (d.lease_until is null or d.lease_until < ?)
                  and not exists (
                      select 1 from delivery earlier
                      where earlier.recipient = d.recipient and earlier.subject = d.subject
                        and earlier.status = 'PENDING' and earlier.sequence < d.sequence)
                order by d.next_attempt_at, d.sequence
                limit ?
                for update of d skip locked)
            returning id""";

    /** Everything sent (or that failed) to the recipient since the time, for replay. */
    public List<Delivery> finishedSince(String recipient, Instant since, int limit) {
        return find("recipient = ?1 and createdAt >= ?2 and status <> ?3", io.quarkus.panache.common.Sort.ascending("createdAt"),
                recipient, since, DeliveryStatus.PENDING).page(io.quarkus.panache.common.Page.ofSize(limit)).list();
    }

    /** After a gateway is configured or re-enabled, its waiting deliveries are due at once. */
    public int makeDueNow(String recipient, Instant now) {
        return update("nextAttemptAt = ?1 where recipient = ?2 and status = ?3 and nextAttemptAt > ?1",
                now, recipient, DeliveryStatus.PENDING);
    }
}
