package exchange.safeguarding.notification.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.notification.domain.Channels;
import exchange.safeguarding.notification.domain.EmailMessage;
import exchange.safeguarding.notification.domain.OrganisationContact;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Email to named contacts: the safeguarding lead for notifications that need a lead or the local authority to
 * act, or that concern an emergency, and whoever else the organisation's routing rules name. The email says that something needs attention, what kind, and
 * where to look; it never carries names or details, which stay behind the sign-in.
 */
@ApplicationScoped
public class EmailNotifications {

    private static final Logger LOG = Logger.getLogger(EmailNotifications.class);
    private static final int MAX_ATTEMPTS = 10;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lead(String name, String email) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrganisationSnapshot(String code, String status, Lead safeguardingLead) {
    }

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final EventCodec codec;
    private final Clock clock;

    public EmailNotifications(EntityManager entityManager, Mailer mailer, EventCodec codec, Clock clock) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.codec = codec;
        this.clock = clock;
    }

    /** Keeps each organisation's safeguarding lead, from every event carrying the whole organisation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyOrganisation(CloudEvent event) {
        if (!event.type().startsWith("organisation.") || event.type().startsWith("organisation.gateway-configured")) {
            return;
        }
        OrganisationSnapshot snapshot = codec.data(event, OrganisationSnapshot.class);
        if (snapshot.code() == null) {
            return;
        }
        OrganisationContact contact = entityManager.find(OrganisationContact.class, snapshot.code());
        if (contact == null) {
            contact = new OrganisationContact();
            contact.organisation = snapshot.code();
        }
        contact.leadName = snapshot.safeguardingLead() == null ? null : snapshot.safeguardingLead().name();
        contact.leadEmail = snapshot.safeguardingLead() == null ? null : snapshot.safeguardingLead().email();
        if (snapshot.status() != null) {
            contact.status = snapshot.status();
        }
        contact.updatedAt = clock.instant();
        entityManager.persist(contact);
    }

    /** Queues the notification's emails: to the lead and further contacts, as the recipient's channels say. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void queue(CloudEvent event, NotificationRouting.Recipient recipient, Channels channels, String link) {
        Set<String> addresses = new LinkedHashSet<>();
        if (channels.emailLead()) {
            OrganisationContact contact = entityManager.find(OrganisationContact.class, recipient.organisation());
            if (contact != null && contact.leadEmail != null && !contact.leadEmail.isBlank()) {
                addresses.add(contact.leadEmail);
            }
        }
        addresses.addAll(channels.emailTo());
        for (String address : addresses) {
            queueTo(address, event, recipient, link);
        }
    }

    private void queueTo(String address, CloudEvent event, NotificationRouting.Recipient recipient, String link) {
        Long existing = entityManager.createQuery("select count(e) from EmailMessage e "
                        + "where e.eventId = :event and e.organisation = :org and e.toAddress = :to", Long.class)
                .setParameter("event", event.id()).setParameter("org", recipient.organisation())
                .setParameter("to", address).getSingleResult();
        if (existing > 0) {
            return;
        }
        Instant now = clock.instant();
        EmailMessage email = new EmailMessage();
        email.id = UUID.randomUUID();
        email.organisation = recipient.organisation();
        email.toAddress = address;
        email.subject = "Safeguarding Exchange: " + describe(event.type()) + " needs attention";
        email.body = """
                A safeguarding notification for %s needs attention%s.

                What: %s
                Reference: %s
                Open it, signed in: %s

                This email carries no personal details. Sign in to see what you are entitled to.
                """.formatted(recipient.organisation(), recipient.audience() == null ? "" : " (" + recipient.audience() + ")",
                event.type(), event.subject(), link == null ? "your organisation's inbox" : link);
        email.eventId = event.id();
        email.status = EmailMessage.PENDING;
        email.nextAttemptAt = now;
        email.createdAt = now;
        entityManager.persist(email);
    }

    @Scheduled(every = "${notification.email.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        for (UUID id : due()) {
            send(id);
        }
    }

    @Transactional
    List<UUID> due() {
        return entityManager.createQuery("select e.id from EmailMessage e where e.status = :pending and e.nextAttemptAt <= :now "
                        + "order by e.nextAttemptAt", UUID.class)
                .setParameter("pending", EmailMessage.PENDING).setParameter("now", clock.instant())
                .setMaxResults(50).getResultList();
    }

    /** One attempt, under a row lock that other replicas skip. */
    @Transactional
    void send(UUID id) {
        EmailMessage email = entityManager.find(EmailMessage.class, id, LockModeType.PESSIMISTIC_WRITE,
                java.util.Map.of("jakarta.persistence.lock.timeout", -2));
        if (email == null || !EmailMessage.PENDING.equals(email.status)) {
            return;
        }
        email.attempts++;
        try {
            mailer.send(Mail.withText(email.toAddress, email.subject, email.body));
            email.status = EmailMessage.SENT;
            email.sentAt = clock.instant();
            email.lastError = null;
        } catch (RuntimeException e) {
            email.lastError = String.valueOf(e.getMessage());
            if (email.attempts >= MAX_ATTEMPTS) {
                email.status = EmailMessage.FAILED;
                LOG.errorf("Email %s to %s failed for good: %s", email.id, email.organisation, email.lastError);
            } else {
                email.nextAttemptAt = clock.instant().plus(Duration.ofSeconds(Math.min(3600, 5L << email.attempts)));
            }
        }
    }

    private static String describe(String type) {
        String name = type.replaceAll("\\.v\\d+$", "").replace('.', ' ').replace('-', ' ');
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
