package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.kit.signal.AfterCommit;
import exchange.safeguarding.notification.domain.InboxMessage;
import exchange.safeguarding.notification.repository.InboxRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The in-platform inbox: a message per recipient organisation and role, read and acknowledged over REST, and
 * streamed live (after commit) to agency systems that prefer to listen.
 */
@ApplicationScoped
public class Inbox {

    private final InboxRepository messages;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final BroadcastProcessor<InboxMessage> live = BroadcastProcessor.create();

    public Inbox(InboxRepository messages, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.messages = messages;
        this.transactions = transactions;
        this.clock = clock;
    }

    public boolean has(String eventId, String organisation) {
        return messages.exists(eventId, organisation);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deliver(String eventId, String eventType, String subject, NotificationRouting.Recipient recipient,
                        String payload) {
        // The planner has checked has(); a unique key on (event, organisation) backs it.
        InboxMessage m = new InboxMessage();
        m.id = UUID.randomUUID();
        m.organisation = recipient.organisation();
        m.audience = recipient.audience();
        m.confidential = recipient.confidential() && recipient.audience() != null;
        m.eventId = eventId;
        m.eventType = eventType;
        m.subject = subject;
        m.payload = payload;
        m.createdAt = clock.instant();
        messages.persist(m);
        // Only what committed is streamed.
        AfterCommit.run(transactions, () -> live.onNext(m));
    }

    @Transactional
    public List<InboxMessage> list(Caller caller, boolean unacknowledgedOnly, int page, int size) {
        return messages.of(caller.organisation(), unacknowledgedOnly, page, size).stream()
                .filter(m -> m.visibleTo(caller.organisation(), caller.roles())).toList();
    }

    @Transactional
    public InboxMessage read(Caller caller, UUID id) {
        InboxMessage m = visible(caller, id);
        if (m.readAt == null) {
            m.readAt = clock.instant();
            m.readBy = caller.name();
        }
        return m;
    }

    @Transactional
    public InboxMessage acknowledge(Caller caller, UUID id) {
        InboxMessage m = read(caller, id);
        if (m.acknowledgedAt == null) {
            m.acknowledgedAt = clock.instant();
            m.acknowledgedBy = caller.name();
        }
        return m;
    }

    /** New messages for this caller as they commit. */
    public Multi<InboxMessage> stream(Caller caller) {
        return live.toHotStream().filter(m -> m.visibleTo(caller.organisation(), caller.roles()));
    }

    private InboxMessage visible(Caller caller, UUID id) {
        InboxMessage m = messages.findById(id);
        if (m == null || !m.visibleTo(caller.organisation(), caller.roles())) {
            throw ProblemException.notFound("Inbox message " + id);
        }
        return m;
    }
}
