package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.signal.AfterCommit;
import exchange.safeguarding.notification.domain.Channels;
import exchange.safeguarding.notification.domain.Delivery;
import exchange.safeguarding.notification.repository.DeliveryRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns an event into what each recipient is told, in the consuming transaction: an inbox message always, a
 * pending webhook delivery and emails as the recipient's routing rules say.
 */
@ApplicationScoped
public class DeliveryPlanner {

    private final NotificationRouting routing;
    private final RoutingRules rules;
    private final WebhookMessages messages;
    private final DeliveryRepository deliveries;
    private final Inbox inbox;
    private final EmailNotifications emails;
    private final DispatchSignal signal;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public DeliveryPlanner(NotificationRouting routing, RoutingRules rules, WebhookMessages messages, DeliveryRepository deliveries,
                           Inbox inbox, EmailNotifications emails, DispatchSignal signal, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.routing = routing;
        this.rules = rules;
        this.messages = messages;
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.emails = emails;
        this.signal = signal;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(CloudEvent event) {
        Instant now = clock.instant();
        int planned = 0;
        for (NotificationRouting.Recipient told : routing.recipients(event)) {
            String recipient = told.organisation();
            if (inbox.has(event.id(), recipient)) {
                continue;
            }
            Channels chosen = rules.channelsFor(told, event.type());
            // Confidential: no webhook to the organisation's gateway, no email to its shared addresses.
            Channels channels = told.confidential()
                    ? new Channels(false, chosen.emailLead(), java.util.List.of(), chosen.mandatory()) : chosen;
            long sequence = deliveries.nextSequence(recipient, event.subject());
            String payload = messages.forRecipient(event, told, sequence);
            if (channels.webhook()) {
                deliveries.persist(Delivery.pending(event.id(), event.type(), event.subject(), recipient, sequence, payload, now));
                planned++;
            }
            // The inbox keeps every notification, whatever the channels: it is the record of who was told.
            inbox.deliver(event.id(), event.type(), event.subject(), told, payload);
            emails.queue(event, told, channels, messages.linkIn(payload));
        }
        if (planned > 0) {
            AfterCommit.run(transactions, signal::wake);
        }
    }
}
