package exchange.safeguarding.kit.outbox;

import exchange.safeguarding.kit.config.PlatformConfig;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.kit.signal.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.UUID;

/**
 * Writes an event into the outbox inside the caller's transaction, so the event exists exactly when the
 * state change that caused it exists. The relay is woken once the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;
    private final String source;

    public Outbox(EntityManager entityManager, EventCodec codec, TransactionSynchronizationRegistry transactions,
                  OutboxSignal signal, PlatformConfig config) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.transactions = transactions;
        this.signal = signal;
        this.source = "/safeguarding-exchange/" + config.serviceName();
    }

    /**
     * @param topic   the publishing service's topic
     * @param type    versioned event type, e.g. {@code concern.raised.v1}
     * @param subject aggregate id; also the Kafka key, so one aggregate's events stay in order
     * @param data    the payload record
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(String topic, String type, String subject, Object data) {
        CloudEvent event = codec.create(source, type, subject, data);
        entityManager.createNativeQuery("""
                        insert into kit_outbox (event_id, topic, message_key, event_type, payload)
                        values (:id, :topic, :key, :type, cast(:payload as jsonb))""")
                .setParameter("id", UUID.fromString(event.id()))
                .setParameter("topic", topic)
                .setParameter("key", subject)
                .setParameter("type", type)
                .setParameter("payload", codec.write(event))
                .executeUpdate();
        AfterCommit.run(transactions, signal::wake);
        return event;
    }
}
