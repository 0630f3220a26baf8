package exchange.safeguarding.kit.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Records consumed event ids in the same transaction as their effect, so a redelivery changes nothing. */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True when this consumer has not seen the event before (and now has). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId, String eventType) {
        return entityManager.createNativeQuery("""
                        insert into kit_inbox (consumer, event_id, event_type) values (:consumer, :id, :type)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate() == 1;
    }
}
