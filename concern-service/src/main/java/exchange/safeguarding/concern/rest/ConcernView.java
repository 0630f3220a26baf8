package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.domain.Concern;

import java.time.Instant;
import java.util.UUID;

public record ConcernView(UUID id, String organisation, String raisedBy, RaiseConcernRequest.AdultAtRisk adult,
                          String summary, String urgency, String status, Instant raisedAt) {

    static ConcernView of(Concern concern) {
        return new ConcernView(concern.id, concern.organisation, concern.raisedByName,
                new RaiseConcernRequest.AdultAtRisk(concern.adultGivenName, concern.adultFamilyName),
                concern.summary, concern.urgency.name(), concern.status.name(), concern.raisedAt);
    }
}
