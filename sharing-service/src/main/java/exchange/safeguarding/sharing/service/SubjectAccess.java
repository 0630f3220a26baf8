package exchange.safeguarding.sharing.service;

import exchange.safeguarding.sharing.domain.AccessLogEntry;

import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.ConsentRecord;
import exchange.safeguarding.sharing.domain.Disclosure;
import exchange.safeguarding.sharing.domain.InformTask;
import exchange.safeguarding.sharing.domain.SharingRequest;
import exchange.safeguarding.sharing.repository.ConsentRecordRepository;
import exchange.safeguarding.sharing.repository.InformTaskRepository;
import exchange.safeguarding.sharing.repository.SharingRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A subject access export for one adult, as the caller's organisation holds it: the consent history, every
 * sharing decision about them (to share or not), every disclosure it made or received about them with
 * exactly what was shared, and whether they were told. The export itself is logged.
 */
@ApplicationScoped
public class SubjectAccess {

    public record Export(AdultReference adult, String organisation, Instant exportedAt, String exportedBy,
                         List<ConsentRecord> consentHistory, List<SharingRequest> decisions, List<Disclosure> disclosures,
                         List<InformTask> informThePerson, List<AccessLogEntry> seenBy) {
    }

    private final EntityManager entityManager;
    private final ConsentRecordRepository consents;
    private final SharingRequestRepository requests;
    private final InformTaskRepository informTasks;
    private final DecisionLog log;
    private final AccessLog accessLog;
    private final Clock clock;

    public SubjectAccess(EntityManager entityManager, ConsentRecordRepository consents, SharingRequestRepository requests,
                         InformTaskRepository informTasks, DecisionLog log, AccessLog accessLog, Clock clock) {
        this.accessLog = accessLog;
        this.requests = requests;
        this.entityManager = entityManager;
        this.consents = consents;
        this.informTasks = informTasks;
        this.log = log;
        this.clock = clock;
    }

    @Transactional
    public Export export(Caller caller, AdultReference adult) {
        String org = caller.organisation();
        List<ConsentRecord> history = new ArrayList<>(consents.history(org, adult).newestFirst());
        history.sort(Comparator.comparing(r -> r.recordedAt));
        List<SharingRequest> decisions = requests.aboutAdult(org, adult);
        List<UUID> requestIds = decisions.stream().map(r -> r.id).toList();
        List<Disclosure> disclosures = new ArrayList<>();
        if (!requestIds.isEmpty()) {
            disclosures.addAll(entityManager.createQuery("from Disclosure d where d.requestId in :ids order by d.createdAt",
                    Disclosure.class).setParameter("ids", requestIds).getResultList());
        }
        if (adult.personId() != null) {
            // Received from other organisations: the recipient holds that data too and must account for it.
            disclosures.addAll(entityManager.createQuery("""
                            from Disclosure d where d.recipient = :org and d.adultPersonId = :person and d.status = :made
                            order by d.createdAt""", Disclosure.class)
                    .setParameter("org", org).setParameter("person", adult.personId())
                    .setParameter("made", Disclosure.Status.MADE).getResultList());
        }
        List<InformTask> informing = requestIds.isEmpty() ? List.of() : informTasks.ofRequests(requestIds);
        Instant now = clock.instant();
        log.append("SUBJECT_ACCESS_EXPORTED", requestIds.isEmpty() ? new UUID(0, 0) : requestIds.get(0), org, Map.of(
                "exportedBy", caller.name(), "decisions", requestIds.size(), "disclosures", disclosures.size(),
                "consentRecords", history.size()));
        // Who has seen the organisation's information about the adult; and this export reads what others disclosed.
        List<AccessLogEntry> seenBy = accessLog.aboutAdult(org, adult.personId());
        accessLog.disclosuresRead(caller, disclosures, AccessLogEntry.What.SUBJECT_ACCESS_EXPORT);
        return new Export(adult, org, now, caller.name(), history, decisions, disclosures, informing, seenBy);
    }
}
