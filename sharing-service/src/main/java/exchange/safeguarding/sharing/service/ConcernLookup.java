package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.client.ServiceCallException;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.sharing.client.ConcernExtracts;
import exchange.safeguarding.sharing.domain.ConcernReplica;
import exchange.safeguarding.sharing.repository.ConcernReplicaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Read your own writes: a concern the caller has just raised (or has just been referred) may not have reached this
 * service's replica yet. Rather than answer "does not exist", ask concern-service with the service token and fill the
 * replica in; the concern's events, when they arrive, then find it there.
 */
@ApplicationScoped
public class ConcernLookup {

    private final ConcernReplicaRepository concerns;
    private final ConcernExtracts extracts;

    public ConcernLookup(ConcernReplicaRepository concerns, ConcernExtracts extracts) {
        this.concerns = concerns;
        this.extracts = extracts;
    }

    /**
     * The concern, asking concern-service when the replica does not have it yet (a pattern alert's event can overtake
     * its concerns' events: they travel on other partitions). Null when there is no such concern.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConcernReplica known(UUID concernId) {
        ConcernReplica known = concerns.findById(concernId);
        if (known != null) {
            return known;
        }
        ConcernExtracts.ConcernFacts facts = extracts.facts(concernId);
        return facts == null ? null : fill(facts);
    }

    /** The concern, when the organisation raised it or it reached the organisation; otherwise null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ConcernReplica involving(UUID concernId, String organisation) {
        ConcernReplica known = concerns.findById(concernId);
        if (known != null && concerns.involves(concernId, organisation)) {
            return known;
        }
        ConcernExtracts.ConcernFacts facts;
        try {
            facts = extracts.facts(concernId);
        } catch (ServiceCallException e) {
            throw ProblemException.unavailable("concern-service could not be asked about concern " + concernId
                    + " just now; try again shortly");
        }
        if (facts == null || facts.parties() == null || !facts.parties().contains(organisation)) {
            return null;
        }
        return fill(facts);
    }

    private ConcernReplica fill(ConcernExtracts.ConcernFacts facts) {
        ConcernReplica c = ConcernReplica.of(facts.concernId(), facts.organisation(), facts.adultPersonId(),
                facts.localAuthority(), facts.urgency(), facts.whistleblowing(), facts.raisedAt());
        concerns.insertIfAbsent(c);
        if (facts.parties() != null) {
            facts.parties().forEach(party -> concerns.addParty(c.concernId, party));
        }
        return concerns.findById(c.concernId);
    }
}
