package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.notification.domain.Channels;
import exchange.safeguarding.notification.domain.RoutingRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Each organisation's routing rules: for each event type it is told of, whether its gateway gets the webhook
 * and who is emailed. The inbox always keeps the notification. Safety-critical notifications (an emergency,
 * a concern routed or escalated to the organisation, a disclosure, a withdrawal of consent, a missed
 * deadline) cannot be turned off: an organisation may add email contacts to them, never remove a channel.
 */
@ApplicationScoped
public class RoutingRules {

    /** Audiences whose notifications also go to the organisation's safeguarding lead by email, by default. */
    static final Set<String> EMAILED_AUDIENCES = Set.of("safeguarding-lead", "la-safeguarding-officer", "emergency",
            NotificationRouting.EMERGENCY_OVERSIGHT);
    static final String EMERGENCY = "emergency";
    /** Event types that ask the recipient to act, or tell it of something it must act on. */
    static final Set<String> SAFETY_CRITICAL = Set.of("concern.routed.v1", "concern.escalated.v1", "concern.referred.v1",
            "concern.response-overdue.v1", "sla.breached.v1", NotificationRouting.PATTERN_DETECTED,
            NotificationRouting.DISCLOSURE_MADE, NotificationRouting.WITHDRAWAL_NOTICE, "sharing.pending-approval.v1",
            "inform-the-person.overdue.v1");

    /** A rule as requested, replacing any earlier one; {@code null} webhook or emailLead means the default. */
    public record Change(Boolean webhook, Boolean emailLead, List<String> emailTo) {
    }

    /** An event type's channels for an organisation: its rule if it set one, else the defaults. */
    public record Effective(String eventType, boolean safetyCritical, boolean configured, boolean webhook,
                            Boolean emailLead, List<String> emailTo) {
    }

    private final EntityManager entityManager;
    private final Clock clock;

    public RoutingRules(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** How one recipient is told of one event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Channels channelsFor(NotificationRouting.Recipient recipient, String eventType) {
        boolean defaultEmail = recipient.audience() != null && EMAILED_AUDIENCES.contains(recipient.audience());
        boolean mandatory = EMERGENCY.equals(recipient.audience()) || SAFETY_CRITICAL.contains(eventType)
                || NotificationRouting.EMERGENCY_OVERSIGHT.equals(recipient.audience());
        RoutingRule rule = entityManager.find(RoutingRule.class, new RoutingRule.Key(recipient.organisation(), eventType));
        if (rule == null) {
            return new Channels(true, defaultEmail, List.of(), mandatory);
        }
        boolean emailLead = rule.emailLead == null ? defaultEmail : rule.emailLead || (mandatory && defaultEmail);
        return new Channels(rule.webhook || mandatory, emailLead,
                List.copyOf(rule.emailTo), mandatory);
    }

    /** The caller's organisation's channels for every event type it can be told of. */
    @Transactional
    public List<Effective> list(Caller caller) {
        List<RoutingRule> rules = entityManager.createQuery("from RoutingRule r where r.organisation = :org", RoutingRule.class)
                .setParameter("org", caller.organisation()).getResultList();
        List<Effective> all = new ArrayList<>();
        for (String type : NotificationRouting.TOLD_TYPES) {
            RoutingRule rule = rules.stream().filter(r -> r.eventType.equals(type)).findFirst().orElse(null);
            all.add(effective(type, rule));
        }
        all.sort(Comparator.comparing(Effective::eventType));
        return all;
    }

    @Transactional
    public Effective get(Caller caller, String eventType) {
        requireTold(eventType);
        return effective(eventType, entityManager.find(RoutingRule.class, new RoutingRule.Key(caller.organisation(), eventType)));
    }

    @Transactional
    public Effective set(Caller caller, String eventType, Change change) {
        requireTold(eventType);
        boolean critical = SAFETY_CRITICAL.contains(eventType);
        if (critical && (Boolean.FALSE.equals(change.webhook()) || Boolean.FALSE.equals(change.emailLead()))) {
            throw ProblemException.ruleViolated(eventType + " is safety-critical: its webhook and the lead's email "
                    + "cannot be turned off; only further email addresses can be added");
        }
        RoutingRule rule = entityManager.find(RoutingRule.class, new RoutingRule.Key(caller.organisation(), eventType));
        if (rule == null) {
            rule = new RoutingRule();
            rule.organisation = caller.organisation();
            rule.eventType = eventType;
        }
        rule.webhook = change.webhook() == null || change.webhook();
        rule.emailLead = change.emailLead();
        rule.emailTo = change.emailTo() == null ? new ArrayList<>() : new ArrayList<>(change.emailTo().stream().distinct().toList());
        rule.updatedBy = caller.subject();
        rule.updatedAt = clock.instant();
        entityManager.persist(rule);
        return effective(eventType, rule);
    }

    /** Back to the defaults. */
    @Transactional
    public Effective reset(Caller caller, String eventType) {
        requireTold(eventType);
        RoutingRule rule = entityManager.find(RoutingRule.class, new RoutingRule.Key(caller.organisation(), eventType));
        if (rule != null) {
            entityManager.remove(rule);
        }
        return effective(eventType, null);
    }

    private static Effective effective(String type, RoutingRule rule) {
        boolean critical = SAFETY_CRITICAL.contains(type);
        if (rule == null) {
            // Defaults: the webhook always; the lead's email when the notification's audience asks for action.
            return new Effective(type, critical, false, true, null, List.of());
        }
        return new Effective(type, critical, true, rule.webhook || critical, rule.emailLead,
                List.copyOf(rule.emailTo));
    }

    private static void requireTold(String eventType) {
        if (!NotificationRouting.TOLD_TYPES.contains(eventType)) {
            throw ProblemException.notFound("Event type " + eventType + " (not one this service tells anyone of)");
        }
    }
}
