package exchange.safeguarding.sharing.rest;

import exchange.safeguarding.sharing.domain.ConsentRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A consent record as held by the caller's organisation", example = ApiExamples.CONSENT_RECORD)
public record ConsentRecordView(UUID id, String organisation, RecordConsentRequest.Adult adult, String decision,
                                List<String> purposes, List<String> recipients, List<String> recipientTypes,
                                List<String> dataCategories, LocalDate expiresOn, String notSoughtReason,
                                String explanation, RecordConsentRequest.Capacity capacity, UUID withdraws,
                                String howObtained, boolean confidentialityLimitsExplained, String recordedBy,
                                Instant recordedAt) {

    static ConsentRecordView of(ConsentRecord r) {
        return new ConsentRecordView(r.id, r.organisation,
                new RecordConsentRequest.Adult(r.adultPersonId, r.adultNhsNumber, r.adultGivenName, r.adultFamilyName,
                        r.adultDateOfBirth),
                r.decision.name(), r.purposes, r.recipients, r.recipientTypes, r.dataCategories, r.expiresOn,
                SharingViews.name(r.notSoughtReason), r.explanation,
                r.capacityAssessmentReference == null ? null : new RecordConsentRequest.Capacity(r.capacityAssessmentReference,
                        r.capacityAssessedOn, r.bestInterestsDecision, r.bestInterestsDecidedBy, r.bestInterestsDeciderRole),
                r.withdraws, r.howObtained, r.confidentialityLimitsExplained, r.recordedBy, r.recordedAt);
    }
}
