package exchange.safeguarding.sharing.service;

import io.quarkus.panache.common.Parameters;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.kit.persistence.Paging;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.sharing.domain.AccessLogEntry;
import exchange.safeguarding.sharing.domain.Disclosure;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who has seen it: reads of an organisation's information by other organisations, from concern-service's
 * {@code access.read.v1} events and from this service's own disclosure reads, for the owner's data protection officer
 * and Caldicott guardian and for subject access.
 */
@ApplicationScoped
public class AccessLog {

    public static final String READ = "access.read.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConcernRead(UUID readId, String what, UUID concernId, String owner, boolean confidential, UUID adultPersonId,
                       String reader, String readerSubject, String readerName, List<DataCategory> categories,
                       List<UUID> decisions, Instant at) {
    }

    private final EventCodec codec;
    private final Clock clock;

    public AccessLog(EventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    /** A read concern-service announced; applied once (the event's id is the consumer's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!READ.equals(event.type())) {
            return;
        }
        ConcernRead read = codec.data(event, ConcernRead.class);
        if (read.readId() == null || AccessLogEntry.findById(read.readId()) != null) {
            return;
        }
        AccessLogEntry e = new AccessLogEntry();
        e.id = read.readId();
        e.what = read.what();
        e.ownerOrganisation = read.owner();
        e.readerOrganisation = read.reader();
        e.readerSubject = read.readerSubject();
        e.readerName = read.readerName();
        e.concernId = read.concernId();
        e.adultPersonId = read.adultPersonId();
        e.categories = read.categories() == null ? List.of() : read.categories();
        e.decisions = read.decisions() == null ? List.of() : read.decisions();
        e.confidential = read.confidential();
        e.readAt = read.at();
        e.persist();
    }

    /** The recipient read the data of disclosures made to it (one entry each). */
    @Transactional
    public void disclosuresRead(Caller reader, Collection<Disclosure> read, AccessLogEntry.What what) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Disclosure d : read) {
            if (d.status != Disclosure.Status.MADE || !reader.belongsTo(d.recipient) || d.organisation.equals(d.recipient)) {
                continue;
            }
            AccessLogEntry e = new AccessLogEntry();
            e.id = UUID.randomUUID();
            e.what = what.name();
            e.ownerOrganisation = d.organisation;
            e.readerOrganisation = reader.organisation();
            e.readerSubject = reader.subject();
            e.readerName = reader.name();
            e.concernId = d.concernId;
            e.disclosureId = d.id;
            e.adultPersonId = d.adultPersonId;
            e.categories = d.categories;
            e.decisions = List.of(d.requestId);
            e.readAt = at;
            e.persist();
        }
    }

    /** Reads of the organisation's information by others, newest first; a whistleblowing concern's are not its to list. */
    public List<AccessLogEntry> of(String owner, UUID concernId, UUID personId, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("ownerOrganisation = :owner and confidential = false");
        Parameters parameters = Parameters.with("owner", owner);
        if (concernId != null) {
            query.append(" and concernId = :concern");
            parameters.and("concern", concernId);
        }
        if (personId != null) {
            query.append(" and adultPersonId = :person");
            parameters.and("person", personId);
        }
        return AccessLogEntry.<AccessLogEntry>find(query.toString(), Sort.descending("readAt"), parameters)
                .page(Page.of(page, size)).list();
    }

    /** For subject access: every read of what the organisation holds about the adult, whistleblowing included. */
    public List<AccessLogEntry> aboutAdult(String owner, UUID personId) {
        if (personId == null) {
            return List.of();
        }
        return AccessLogEntry.list("ownerOrganisation = ?1 and adultPersonId = ?2", Sort.ascending("readAt"), owner, personId);
    }
}
