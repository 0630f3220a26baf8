package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernReadKind;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.outbox.Outbox;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who has seen it: every read another organisation makes of a concern's details (its view, a list, the adult's
 * chronology) is announced, with the reader, the categories shown and the decisions they rest on, so that
 * sharing-service keeps it in the access log the owning organisation's data protection officer and Caldicott guardian
 * read, and subject access exports show. A read of workflow facts alone releases no category and is not announced.
 */
@ApplicationScoped
public class ConcernReads {

    public static final String READ = "access.read.v1";

    /** One organisation's read of one concern's details. */
    public record ConcernRead(UUID readId, String what, UUID concernId, String owner, boolean confidential,
                              UUID adultPersonId, String reader, String readerSubject, String readerName,
                              List<DataCategory> categories, List<UUID> decisions, Instant at) {
    }

    private final Outbox outbox;
    private final Clock clock;

    public ConcernReads(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void read(Caller caller, ConcernReadKind what, List<Concern> concerns, Map<UUID, ConcernReadScope> scopes) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (Concern c : concerns) {
            ConcernReadScope scope = scopes.get(c.id);
            if (scope == null || scope.ownRecord() || scope.released().isEmpty()) {
                continue;
            }
            UUID readId = UUID.randomUUID();
            outbox.append(ConcernEvents.TOPIC, READ, c.id.toString(), new ConcernRead(readId, what.name(), c.id,
                    c.organisation, c.whistleblowing, c.adultPersonId, caller.organisation(), caller.subject(), caller.name(),
                    scope.released().stream().sorted().toList(), scope.decisions(), at));
        }
    }

    public void read(Caller caller, ConcernReadKind what, Concern concern, ConcernReadScope scope) {
        read(caller, what, List.of(concern), Map.of(concern.id, scope));
    }
}
