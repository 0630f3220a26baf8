package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.Urgency;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.kit.caller.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Raising a concern: stored and announced in one transaction, so an accepted concern is never lost. */
@ApplicationScoped
public class ConcernIntake {

    public record NewConcern(String adultGivenName, String adultFamilyName, String summary, Urgency urgency) {
    }

    private final ConcernRepository concerns;
    private final ConcernEvents events;

    public ConcernIntake(ConcernRepository concerns, ConcernEvents events) {
        this.concerns = concerns;
        this.events = events;
    }

    @Transactional
    public Concern raise(Caller caller, NewConcern request) {
        Concern concern = Concern.raise(caller.organisation(), caller.subject(), caller.name(),
                request.adultGivenName(), request.adultFamilyName(), request.summary(), request.urgency(), Instant.now());
        concerns.persist(concern);
        events.raised(concern);
        return concern;
    }
}
