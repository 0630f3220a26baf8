package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.sharing.domain.ConsentRecord;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ConsentRecordView(UUID id, String organisation, RecordConsentRequest.Adult adult, String decision,
                                List<String> purposes, String howObtained, boolean confidentialityLimitsExplained,
                                String recordedBy, Instant recordedAt) {

    static ConsentRecordView of(ConsentRecord r) {
        return new ConsentRecordView(r.id, r.organisation,
                new RecordConsentRequest.Adult(r.adultGivenName, r.adultFamilyName, r.adultDateOfBirth),
                r.decision.name(), r.purposes, r.howObtained, r.confidentialityLimitsExplained, r.recordedBy, r.recordedAt);
    }
}
