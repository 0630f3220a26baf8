package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernAccess;
import exchange.safeguarding.concern.repository.ConcernAccessRepository;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What sharing-service keeps of a concern (its replica), read straight from here when a caller has just raised or
 * just been sent the concern and the concern's events have not reached sharing-service yet: read your own writes.
 * Identifiers and routing facts only, as in the events.
 */
@ApplicationScoped
public class ConcernReplicaFacts {

    public record Facts(UUID concernId, String organisation, String urgency, boolean whistleblowing, UUID adultPersonId,
                        String localAuthority, Instant raisedAt, List<String> parties) {
    }

    private final ConcernRepository concerns;
    private final ConcernAccessRepository access;

    public ConcernReplicaFacts(ConcernRepository concerns, ConcernAccessRepository access) {
        this.concerns = concerns;
        this.access = access;
    }

    @Transactional
    public Facts of(UUID concernId) {
        Concern c = concerns.findById(concernId);
        if (c == null) {
            throw ProblemException.notFound("Concern " + concernId);
        }
        return new Facts(c.id, c.organisation, c.urgency.name(), c.whistleblowing, c.adultPersonId, c.localAuthority,
                c.raisedAt, access.of(c.id).stream().map(a -> a.organisation).sorted().toList());
    }
}
