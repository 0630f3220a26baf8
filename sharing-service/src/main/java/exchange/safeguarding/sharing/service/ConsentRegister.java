package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.idempotency.IdempotencyKeys;
import exchange.safeguarding.kit.idempotency.KeyedRequest;
import exchange.safeguarding.kit.problem.Problem;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.ConsentDecision;
import exchange.safeguarding.sharing.domain.ConsentRecord;
import exchange.safeguarding.sharing.domain.Disclosure;
import exchange.safeguarding.sharing.domain.NotSoughtReason;
import exchange.safeguarding.sharing.domain.SharingRequest;
import exchange.safeguarding.sharing.domain.WithdrawalNotice;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.repository.ConsentRecordRepository;
import exchange.safeguarding.sharing.repository.DisclosureRepository;
import exchange.safeguarding.sharing.repository.SharingRequestRepository;
import exchange.safeguarding.sharing.repository.WithdrawalNoticeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Recording consent decisions: appended with their event and log entry, never overwritten. A withdrawal
 * also tells every organisation that received information under the consent it withdraws, and stops any
 * disclosure under it that has not left yet.
 */
@ApplicationScoped
public class ConsentRegister {

    /** The operation Idempotency-Keys are kept under (its OpenAPI operation id). */
    static final String OPERATION = "recordConsent";

    public record NewConsent(AdultReference adult, ConsentDecision decision, List<Purpose> purposes, List<String> recipients,
                             List<String> recipientTypes, List<DataCategory> dataCategories, LocalDate expiresOn,
                             NotSoughtReason notSoughtReason, String explanation, Capacity capacity, UUID withdraws,
                             String howObtained, boolean confidentialityLimitsExplained) {
    }

    public record Capacity(String assessmentReference, LocalDate assessedOn, String bestInterestsDecision,
                           String decidedBy, String deciderRole) {
    }

    private final ConsentRecordRepository records;
    private final SharingRequestRepository requests;
    private final DisclosureRepository disclosures;
    private final WithdrawalNoticeRepository notices;
    private final DecisionLog log;
    private final SharingEvents events;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public ConsentRegister(ConsentRecordRepository records, SharingRequestRepository requests, DisclosureRepository disclosures,
                           WithdrawalNoticeRepository notices, DecisionLog log, SharingEvents events,
                           IdempotencyKeys idempotencyKeys, Clock clock) {
        this.idempotencyKeys = idempotencyKeys;
        this.records = records;
        this.requests = requests;
        this.disclosures = disclosures;
        this.notices = notices;
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records the decision, unless the caller's organisation already recorded one with the same Idempotency-Key:
     * then that one is returned (a withdrawal is announced once), or the request refused if it asked for something
     * else under the key.
     */
    @Transactional
    public IdempotencyKeys.Created<ConsentRecord> record(Caller caller, NewConsent consent, KeyedRequest keyed) {
        return idempotencyKeys.once(caller.organisation(), OPERATION, keyed, clock.instant(),
                id -> record(caller, consent, id), records::findById);
    }

    private ConsentRecord record(Caller caller, NewConsent consent, UUID id) {
        ConsentRecord withdrawn = consent.withdraws() == null ? null : records.findById(consent.withdraws());
        validate(caller, consent, withdrawn);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        ConsentRecord r = new ConsentRecord();
        r.id = id;
        r.organisation = caller.organisation();
        r.adultPersonId = consent.adult().personId();
        r.adultNhsNumber = consent.adult().nhsNumber();
        r.adultGivenName = consent.adult().givenName();
        r.adultFamilyName = consent.adult().familyName();
        r.adultDateOfBirth = consent.adult().dateOfBirth();
        r.decision = consent.decision();
        // A withdrawal by id is about exactly what it withdraws.
        r.purposes = withdrawn != null ? withdrawn.purposes : consent.purposes().stream().map(Enum::name).distinct().toList();
        r.recipients = nonNull(consent.recipients());
        r.recipientTypes = nonNull(consent.recipientTypes());
        r.dataCategories = consent.dataCategories() == null ? List.of() : consent.dataCategories().stream().map(Enum::name).distinct().toList();
        r.expiresOn = consent.expiresOn();
        r.notSoughtReason = consent.notSoughtReason();
        r.explanation = consent.explanation();
        if (consent.capacity() != null) {
            r.capacityAssessmentReference = consent.capacity().assessmentReference();
            r.capacityAssessedOn = consent.capacity().assessedOn();
            r.bestInterestsDecision = consent.capacity().bestInterestsDecision();
            r.bestInterestsDecidedBy = consent.capacity().decidedBy();
            r.bestInterestsDeciderRole = consent.capacity().deciderRole();
        }
        r.withdraws = consent.withdraws();
        r.howObtained = consent.howObtained();
        r.confidentialityLimitsExplained = consent.confidentialityLimitsExplained();
        r.recordedBy = caller.name();
        // PostgreSQL keeps microseconds: the 201 must show the time a later read (or a replay) will show.
        r.recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // What was in force just before this record, so a withdrawal knows what it ends.
        List<ConsentRecord> ending = r.decision == ConsentDecision.WITHDRAWN
                ? (withdrawn != null ? List.of(withdrawn) : records.history(r.organisation, consent.adult()).givenInForce(today)
                .stream().filter(g -> g.purposes.stream().anyMatch(r.purposes::contains)).toList())
                : List.of();
        records.persist(r);
        records.flush();
        events.consentRecorded(r);
        if (r.decision == ConsentDecision.WITHDRAWN) {
            fanOut(r, ending);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("consentRecordId", r.id);
        entry.put("decision", r.decision);
        entry.put("purposes", r.purposes);
        entry.put("recipients", r.recipients);
        entry.put("recipientTypes", r.recipientTypes);
        entry.put("dataCategories", r.dataCategories);
        entry.put("expiresOn", r.expiresOn);
        entry.put("notSoughtReason", r.notSoughtReason);
        entry.put("capacityAssessmentReference", r.capacityAssessmentReference);
        entry.put("withdraws", ending.stream().map(c -> c.id).toList());
        entry.put("confidentialityLimitsExplained", r.confidentialityLimitsExplained);
        entry.put("recordedBy", r.recordedBy);
        log.append("CONSENT_RECORDED", r.id, r.organisation, entry);
        return r;
    }

    private void fanOut(ConsentRecord withdrawal, List<ConsentRecord> ending) {
        List<UUID> consentIds = ending.stream().map(c -> c.id).toList();
        TreeSet<String> told = new TreeSet<>();
        if (!consentIds.isEmpty()) {
            List<SharingRequest> under = requests.underConsents(consentIds);
            for (Disclosure d : disclosures.ofRequests(under.stream().map(q -> q.id).toList())) {
                if (d.status == Disclosure.Status.PREPARING) {
                    // Nothing has left yet: stop it rather than send and then retract.
                    d.status = Disclosure.Status.CANCELLED;
                    d.lastError = "consent withdrawn (" + withdrawal.id + ") before the disclosure was made";
                    continue;
                }
                if (d.status != Disclosure.Status.MADE) {
                    continue;
                }
                SharingRequest q = under.stream().filter(x -> x.id.equals(d.requestId)).findFirst().orElseThrow();
                WithdrawalNotice notice = new WithdrawalNotice();
                notice.id = UUID.randomUUID();
                notice.withdrawalId = withdrawal.id;
                notice.consentId = q.consentRecordId;
                notice.disclosureId = d.id;
                notice.recipient = d.recipient;
                notice.createdAt = withdrawal.recordedAt;
                notice.eventId = events.withdrawalNotice(notice, withdrawal.organisation);
                notices.persist(notice);
                told.add(d.recipient);
            }
        }
        events.consentWithdrawn(withdrawal, consentIds, new ArrayList<>(told));
    }

    private void validate(Caller caller, NewConsent c, ConsentRecord withdrawn) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!c.adult().identifiable()) {
            errors.add(new Problem.FieldError("adult", "identify the adult by personId, nhsNumber, or name and dateOfBirth"));
        }
        switch (c.decision()) {
            case GIVEN -> {
                if (nonNull(c.recipients()).isEmpty() && nonNull(c.recipientTypes()).isEmpty()) {
                    errors.add(new Problem.FieldError("recipients", "consent must say who may receive: recipients or recipientTypes"));
                }
                if (c.dataCategories() == null || c.dataCategories().isEmpty()) {
                    errors.add(new Problem.FieldError("dataCategories", "consent must say what may be shared"));
                }
                if (!c.confidentialityLimitsExplained()) {
                    errors.add(new Problem.FieldError("confidentialityLimitsExplained",
                            "consent is informed only once the limits of confidentiality have been explained"));
                }
                if (c.expiresOn() != null && !c.expiresOn().isAfter(LocalDate.ofInstant(clock.instant(), clock.getZone()))) {
                    errors.add(new Problem.FieldError("expiresOn", "must be in the future"));
                }
            }
            case NOT_SOUGHT -> {
                if (c.notSoughtReason() == null) {
                    errors.add(new Problem.FieldError("notSoughtReason", "say why consent was not sought"));
                }
            }
            case LACKS_CAPACITY -> {
                Capacity capacity = c.capacity();
                if (capacity == null || blank(capacity.assessmentReference()) || blank(capacity.bestInterestsDecision())
                        || blank(capacity.decidedBy())) {
                    errors.add(new Problem.FieldError("capacity", "give the capacity assessment reference, the best-interests "
                            + "decision and who made it"));
                }
            }
            case WITHDRAWN -> {
                if (c.withdraws() != null && (withdrawn == null || !caller.belongsTo(withdrawn.organisation)
                        || withdrawn.decision != ConsentDecision.GIVEN || !c.adult().matches(withdrawn))) {
                    errors.add(new Problem.FieldError("withdraws", "is not a consent given by this adult to your organisation"));
                }
            }
            case REFUSED -> {
            }
        }
        if (c.withdraws() != null && c.decision() != ConsentDecision.WITHDRAWN) {
            errors.add(new Problem.FieldError("withdraws", "only a withdrawal withdraws a consent"));
        }
        if ((c.purposes() == null || c.purposes().isEmpty()) && c.withdraws() == null) {
            errors.add(new Problem.FieldError("purposes", "name at least one purpose"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
