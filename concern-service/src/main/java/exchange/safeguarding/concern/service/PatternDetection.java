package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.config.ConcernConfig;
import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernAccess;
import exchange.safeguarding.concern.domain.PatternAlert;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.concern.repository.ConcernAccessRepository;
import exchange.safeguarding.concern.repository.PatternAlertRepository;
import exchange.safeguarding.concern.repository.PersonRepository;
import exchange.safeguarding.kit.persistence.NativeSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Looks, as each concern arrives, for patterns no single agency could see: one adult worried about by
 * several organisations; one person alleged to cause harm named against different adults; several
 * concerns about one care setting. Each check is one indexed query over the rule's window.
 */
@ApplicationScoped
public class PatternDetection {

    private record Hit(UUID concernId, String organisation, UUID adult) {
    }

    private final EntityManager entityManager;
    private final PersonRepository people;
    private final PatternAlertRepository alerts;
    private final ConcernAccessRepository access;
    private final ConcernEvents events;
    private final ConcernConfig.Patterns rules;

    public PatternDetection(EntityManager entityManager, PersonRepository people, PatternAlertRepository alerts,
                            ConcernAccessRepository access, ConcernEvents events, ConcernConfig config) {
        this.entityManager = entityManager;
        this.people = people;
        this.alerts = alerts;
        this.access = access;
        this.events = events;
        this.rules = config.patterns();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(Concern concern, Instant now) {
        List<UUID> adult = people.sameAs(concern.adultPersonId);
        List<Hit> aboutAdult = hits("adult_person_id", adult, since(now, rules.sameAdultWindow()));
        if (distinctOrganisations(aboutAdult) >= rules.sameAdultOrganisations()) {
            raiseOrJoin(PatternAlert.Rule.SAME_ADULT, concern.adultPersonId.toString(), aboutAdult, concern, now);
        }
        if (concern.pahPersonId != null) {
            List<UUID> alleged = people.sameAs(people.canonical(people.findById(concern.pahPersonId)).id);
            List<Hit> naming = hits("pah_person_id", alleged, since(now, rules.sameAllegedWindow()));
            Set<UUID> adults = new HashSet<>();
            naming.forEach(h -> adults.add(people.canonical(people.findById(h.adult())).id));
            if (adults.size() >= rules.sameAllegedAdults()) {
                raiseOrJoin(PatternAlert.Rule.OTHERS_AT_RISK, alleged.get(0).toString(), naming, concern, now);
            }
        }
        if (concern.settingKey != null) {
            List<Hit> inSetting = hits("setting_key", List.of(concern.settingKey), since(now, rules.sameSettingWindow()));
            if (inSetting.size() >= rules.sameSettingConcerns()) {
                raiseOrJoin(PatternAlert.Rule.ORGANISATIONAL, concern.settingKey, inSetting, concern, now);
            }
        }
    }

    private void raiseOrJoin(PatternAlert.Rule rule, String subject, List<Hit> hits, Concern trigger, Instant now) {
        List<UUID> concernIds = hits.stream().map(Hit::concernId).toList();
        List<String> organisations = hits.stream().map(Hit::organisation).distinct().sorted().toList();
        // Serialise concurrent raisers of the same pattern, so the second joins the alert the first opened
        // instead of failing the raise on the one-open-alert index.
        NativeSql.rows(entityManager, "select pg_advisory_xact_lock(hashtext(?))", rule.name() + ":" + subject);
        PatternAlert alert = alerts.openFor(rule, subject).orElse(null);
        if (alert == null) {
            alert = new PatternAlert();
            alert.id = UUID.randomUUID();
            alert.rule = rule;
            alert.subjectKey = subject;
            alert.localAuthority = trigger.localAuthority;
            alert.status = PatternAlert.Status.OPEN;
            alert.concernIds = concernIds.toArray(UUID[]::new);
            alert.organisations = organisations.toArray(String[]::new);
            alert.detectedAt = now;
            alert.updatedAt = now;
            alerts.persist(alert);
        } else if (!alert.join(concernIds, organisations, now)) {
            return;
        }
        if (alert.localAuthority != null) {
            // The local authority must be able to read every concern the alert names.
            access.grantAll(alert.concernIds, alert.localAuthority, ConcernAccess.Reason.PATTERN, now);
        }
        events.patternDetected(new ConcernEvents.PatternDetected(alert.id, rule.name(), subject, alert.localAuthority,
                List.of(alert.concernIds), List.of(alert.organisations), now));
    }

    private List<Hit> hits(String column, List<?> keys, Instant since) {
        List<Object[]> rows = NativeSql.rows(entityManager, "select id, organisation, adult_person_id from concern where "
                + column + " = any(?) and raised_at >= ? order by raised_at", keys, since);
        return rows.stream().map(r -> new Hit((UUID) r[0], (String) r[1], (UUID) r[2])).toList();
    }

    private static long distinctOrganisations(List<Hit> hits) {
        return hits.stream().map(Hit::organisation).distinct().count();
    }

    private static Instant since(Instant now, java.time.Period window) {
        return now.atOffset(ZoneOffset.UTC).minus(window).toInstant();
    }
}
