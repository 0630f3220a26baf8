package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.client.ServiceCallException;
import exchange.safeguarding.kit.signal.AfterCommit;
import exchange.safeguarding.kit.signal.Wakeup;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.sharing.client.ConcernExtracts;
import exchange.safeguarding.sharing.config.SharingConfig;
import exchange.safeguarding.sharing.domain.Disclosure;
import exchange.safeguarding.sharing.domain.SharingRequest;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.repository.DisclosureRepository;
import exchange.safeguarding.sharing.repository.SharingRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Takes the snapshot that makes an approved disclosure real: exactly the released categories, as
 * concern-service holds them now, stored byte for byte with its digest in the decision log. While
 * concern-service cannot be reached the disclosure waits and is retried with growing delays.
 */
@ApplicationScoped
public class DisclosureSnapshots {

    private static final Logger LOG = Logger.getLogger(DisclosureSnapshots.class);

    private final DisclosureRepository disclosures;
    private final SharingRequestRepository requests;
    private final ConcernExtracts extracts;
    private final DecisionLog log;
    private final SharingEvents events;
    private final SharingConfig.Snapshots config;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;
    private final Wakeup wakeup = new Wakeup();

    public DisclosureSnapshots(DisclosureRepository disclosures, SharingRequestRepository requests, ConcernExtracts extracts,
                               DecisionLog log, SharingEvents events, SharingConfig config,
                               TransactionSynchronizationRegistry transactions, Clock clock) {
        this.disclosures = disclosures;
        this.requests = requests;
        this.extracts = extracts;
        this.log = log;
        this.events = events;
        this.config = config.snapshots();
        this.transactions = transactions;
        this.clock = clock;
    }

    public Wakeup wakeup() {
        return wakeup;
    }

    public void wakeAfterCommit() {
        AfterCommit.run(transactions, wakeup::wake);
    }

    @Transactional
    public List<UUID> due(int limit) {
        return disclosures.due(clock.instant(), limit);
    }

    /** One attempt; false when another worker holds it or it is no longer waiting. */
    @Transactional
    public boolean take(UUID id) {
        Disclosure d = disclosures.lockIfPreparing(id);
        if (d == null) {
            return false;
        }
        SharingRequest r = requests.findById(d.requestId);
        Instant now = clock.instant();
        try {
            Map<String, Object> released = released(d, r);
            d.snapshot = DecisionLog.canonical(released);
            d.snapshotSha256 = DecisionLog.sha256(d.snapshot);
            d.status = Disclosure.Status.MADE;
            d.madeAt = now;
            d.attempts++;
            d.lastError = null;
            events.disclosureMade(d);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("disclosureId", d.id);
            entry.put("requestId", d.requestId);
            entry.put("from", d.organisation);
            entry.put("to", d.recipient);
            entry.put("adultPersonId", d.adultPersonId);
            entry.put("concernId", d.concernId);
            entry.put("purpose", d.purpose);
            entry.put("categories", d.categories);
            entry.put("emergency", d.emergency);
            entry.putAll(r.basisForLog());
            entry.put("sharedBy", r.decidedBy == null ? r.requestedByName : r.decidedBy);
            entry.put("snapshotSha256", d.snapshotSha256);
            entry.put("madeAt", d.madeAt);
            log.append("DISCLOSURE_MADE", d.id, d.organisation, entry);
        } catch (ServiceCallException | TimeoutException e) {
            d.attempts++;
            d.lastError = e.getMessage();
            Duration delay = config.firstRetry().multipliedBy(1L << Math.min(d.attempts - 1, 16));
            d.nextAttemptAt = now.plus(delay.compareTo(config.maxRetry()) > 0 ? config.maxRetry() : delay);
            LOG.warnf("Disclosure %s waits: %s (attempt %d)", d.id, e.getMessage(), d.attempts);
        }
        return true;
    }

    /** Only the released categories leave, whatever the source returns. */
    private Map<String, Object> released(Disclosure d, SharingRequest r) {
        Map<String, Object> source;
        if (d.concernId != null) {
            source = extracts.ofConcern(d.concernId, d.categories);
        } else if (d.adultPersonId != null) {
            source = extracts.ofPerson(d.adultPersonId, d.categories);
        } else {
            // No platform record: the identity given in the request is all there is to release.
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("givenName", r.adultGivenName);
            identity.put("familyName", r.adultFamilyName);
            identity.put("dateOfBirth", r.adultDateOfBirth);
            identity.put("nhsNumber", r.adultNhsNumber);
            identity.values().removeIf(java.util.Objects::isNull);
            source = Map.of(DataCategory.IDENTITY.name(), identity);
        }
        Map<String, Object> released = new LinkedHashMap<>();
        for (DataCategory category : d.categories) {
            released.put(category.name(), source.getOrDefault(category.name(), Map.of()));
        }
        return released;
    }
}
