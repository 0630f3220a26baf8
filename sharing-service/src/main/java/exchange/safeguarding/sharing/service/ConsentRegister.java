package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.sharing.domain.ConsentDecision;
import exchange.safeguarding.sharing.domain.ConsentRecord;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.repository.ConsentRecordRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Recording consent decisions: appended with their event, never overwritten. */
@ApplicationScoped
public class ConsentRegister {

    public record NewConsent(String givenName, String familyName, LocalDate dateOfBirth, ConsentDecision decision,
                             List<String> purposes, String howObtained, boolean confidentialityLimitsExplained) {
    }

    private final ConsentRecordRepository records;
    private final SharingEvents events;

    public ConsentRegister(ConsentRecordRepository records, SharingEvents events) {
        this.records = records;
        this.events = events;
    }

    @Transactional
    public ConsentRecord record(Caller caller, NewConsent consent) {
        ConsentRecord record = new ConsentRecord();
        record.id = UUID.randomUUID();
        record.organisation = caller.organisation();
        record.adultGivenName = consent.givenName();
        record.adultFamilyName = consent.familyName();
        record.adultDateOfBirth = consent.dateOfBirth();
        record.decision = consent.decision();
        record.purposes = List.copyOf(consent.purposes());
        record.howObtained = consent.howObtained();
        record.confidentialityLimitsExplained = consent.confidentialityLimitsExplained();
        record.recordedBy = caller.name();
        record.recordedAt = Instant.now();
        records.persist(record);
        events.consentRecorded(record);
        return record;
    }
}
