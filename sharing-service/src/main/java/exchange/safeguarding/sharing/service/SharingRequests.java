package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.idempotency.IdempotencyKeys;
import exchange.safeguarding.kit.idempotency.KeyedRequest;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.ConcernReplica;
import exchange.safeguarding.sharing.domain.ConsentHistory;
import exchange.safeguarding.sharing.domain.Decision;
import exchange.safeguarding.sharing.domain.DecisionChallenge;
import exchange.safeguarding.sharing.domain.DecisionFacts;
import exchange.safeguarding.sharing.domain.EmergencyJustification;
import exchange.safeguarding.sharing.domain.Route;
import exchange.safeguarding.sharing.config.SharingConfig;
import exchange.safeguarding.sharing.domain.Ground;
import exchange.safeguarding.sharing.domain.KnownOrganisation;
import exchange.safeguarding.sharing.domain.LegalDuty;
import exchange.safeguarding.sharing.domain.Outcome;
import exchange.safeguarding.sharing.domain.PublicInterestBalancing;
import exchange.safeguarding.sharing.domain.SharingRequest;
import exchange.safeguarding.sharing.domain.SharingRules;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.repository.ConcernReplicaRepository;
import exchange.safeguarding.sharing.repository.ConsentRecordRepository;
import exchange.safeguarding.sharing.repository.DecisionChallengeRepository;
import exchange.safeguarding.sharing.repository.SharingRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Sharing requests and the decisions on them: gathers the facts, lets {@link SharingRules} decide, records
 * the decision (row, log entry, event in one transaction) and starts what follows an approval: the
 * disclosure, the inform-the-person task and, for emergencies, the review.
 */
@ApplicationScoped
public class SharingRequests {

    /** The operation Idempotency-Keys are kept under (its OpenAPI operation id). */
    static final String OPERATION = "requestSharing";

    public record NewRequest(String recipient, AdultReference adult, UUID concernId, Purpose purpose,
                             List<DataCategory> categories, boolean emergency, Ground ground, String justification,
                             PublicInterestBalancing publicInterest, LegalDuty legalDuty,
                             EmergencyJustification emergencyJustification, Route route) {

        /** A person's request that is not an emergency. */
        public NewRequest(String recipient, AdultReference adult, UUID concernId, Purpose purpose,
                          List<DataCategory> categories, boolean emergency, Ground ground, String justification,
                          PublicInterestBalancing publicInterest, LegalDuty legalDuty) {
            this(recipient, adult, concernId, purpose, categories, emergency, ground, justification, publicInterest,
                    legalDuty, null, null);
        }
    }

    private final SharingRequestRepository requests;
    private final OrganisationReplica organisationReplica;
    private final ConcernReplicaRepository concerns;
    private final ConsentRecordRepository consents;
    private final DecisionChallengeRepository challenges;
    private final AgreementReplica agreements;
    private final SharingFollowUps followUps;
    private final DecisionLog log;
    private final SharingEvents events;
    private final IdempotencyKeys idempotencyKeys;
    private final ConcernLookup concernLookup;
    private final SharingConfig config;
    private final Clock clock;

    public SharingRequests(SharingRequestRepository requests, OrganisationReplica organisationReplica,
                           ConcernReplicaRepository concerns, ConsentRecordRepository consents,
                           DecisionChallengeRepository challenges, AgreementReplica agreements,
                           SharingFollowUps followUps, DecisionLog log, SharingEvents events,
                           IdempotencyKeys idempotencyKeys, ConcernLookup concernLookup, SharingConfig config,
                           Clock clock) {
        this.idempotencyKeys = idempotencyKeys;
        this.concernLookup = concernLookup;
        this.config = config;
        this.requests = requests;
        this.organisationReplica = organisationReplica;
        this.concerns = concerns;
        this.consents = consents;
        this.challenges = challenges;
        this.agreements = agreements;
        this.followUps = followUps;
        this.log = log;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public SharingRequest request(Caller caller, NewRequest input) {
        return request(caller, input, null).resource();
    }

    /**
     * Decides and records the request, unless the caller's organisation already made one with the same
     * Idempotency-Key: then that one is returned (decided once, disclosed once), or the request refused if it asked
     * for something else under the key.
     */
    @Transactional
    public IdempotencyKeys.Created<SharingRequest> request(Caller caller, NewRequest input, KeyedRequest keyed) {
        return idempotencyKeys.once(caller.organisation(), OPERATION, keyed, clock.instant(),
                id -> record(id, caller.organisation(), caller.subject(), caller.name(), input), requests::findById);
    }

    /** Also used by the emergency path, which acts for the raising organisation. */
    @Transactional(Transactional.TxType.MANDATORY)
    public SharingRequest request(String organisation, String subject, String name, NewRequest input) {
        return record(UUID.randomUUID(), organisation, subject, name, input);
    }

    private SharingRequest record(UUID id, String organisation, String subject, String name, NewRequest input) {
        SharingRequest r = draft(id, organisation, subject, name, input);
        requests.persist(r);
        recordDecision(r, "SHARING_DECIDED");
        return r;
    }

    /** What the rules would decide now, with every reason, without recording anything (a dry run for integrators). */
    @Transactional
    public SharingRequest preview(Caller caller, NewRequest input) {
        return draft(UUID.randomUUID(), caller.organisation(), caller.subject(), caller.name(), input);
    }

    private SharingRequest draft(UUID id, String organisation, String subject, String name, NewRequest input) {
        if (input.recipient().equals(organisation)) {
            throw ProblemException.invalid("recipient", "is the caller's own organisation; sharing within it needs no request");
        }
        EmergencyJustification emergencyWhy = input.emergencyJustification();
        if (input.emergency() && input.route() == null && !SharingRules.substantive(emergencyWhy)) {
            throw ProblemException.invalid("emergencyJustification", emergencyWhy == null
                    ? "an emergency needs the threat to life or of serious harm, and why consent or approval could not wait"
                    : "give the threat and why it could not wait, each in at least " + SharingRules.MIN_JUSTIFICATION
                    + " characters and four words");
        }
        String justification = input.justification() == null || input.justification().isBlank()
                ? (emergencyWhy == null ? null : emergencyWhy.threat()) : input.justification();
        if ((input.ground() != null || input.emergency()) && justification == null) {
            throw ProblemException.invalid("justification", "a written justification is required for sharing without consent");
        }
        if (organisationReplica.find(input.recipient()) == null) {
            throw ProblemException.invalid("recipient", "is not a registered partner organisation");
        }
        if (organisationReplica.find(organisation) == null) {
            throw ProblemException.ruleViolated(organisation + " is not a registered partner organisation");
        }
        AdultReference adult = input.adult() == null ? new AdultReference(null, null, null, null, null) : input.adult();
        boolean confidential = false;
        if (input.concernId() != null) {
            ConcernReplica concern = concernLookup.involving(input.concernId(), organisation);
            if (concern == null) {
                throw ProblemException.notFound("Concern " + input.concernId());
            }
            confidential = concern.whistleblowing && input.route() != null;
            if (adult.personId() == null && concern.adultPersonId != null) {
                adult = new AdultReference(concern.adultPersonId, adult.nhsNumber(), adult.givenName(), adult.familyName(),
                        adult.dateOfBirth());
            }
        }
        if (!adult.identifiable() && input.concernId() == null) {
            throw ProblemException.invalid("adult", "identify the adult by personId, nhsNumber, or givenName, familyName and "
                    + "dateOfBirth (or give a concernId)");
        }
        // PostgreSQL keeps microseconds: the 201 must show the times a later read (or a replay) will show.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SharingRequest r = new SharingRequest();
        r.id = id;
        r.organisation = organisation;
        r.recipient = input.recipient();
        r.adultPersonId = adult.personId();
        r.adultNhsNumber = adult.nhsNumber();
        r.adultGivenName = adult.givenName();
        r.adultFamilyName = adult.familyName();
        r.adultDateOfBirth = adult.dateOfBirth();
        r.concernId = input.concernId();
        r.purpose = input.purpose();
        r.requestedCategories = input.categories().stream().distinct().sorted().toList();
        r.emergency = input.emergency();
        r.ground = input.ground() == null && input.emergency() ? Ground.VITAL_INTERESTS : input.ground();
        r.justification = justification;
        r.emergencyJustification = emergencyWhy;
        r.route = input.route();
        r.confidential = confidential;
        r.publicInterest = input.publicInterest();
        r.legalDuty = input.legalDuty();
        r.requestedBy = subject;
        r.requestedByName = name;
        r.requestedAt = now;
        r.apply(SharingRules.decide(facts(r)), now);
        return r;
    }

    @Transactional
    public SharingRequest approve(Caller caller, UUID id, String note) {
        SharingRequest r = pendingOf(caller, id);
        if (caller.subject().equals(r.requestedBy)) {
            throw ProblemException.ruleViolated("an override must be approved by someone other than the person who asked for it");
        }
        // The facts may have moved since the request (an agreement suspended, consent given): decide again.
        Decision decision = SharingRules.decide(facts(r));
        Instant now = clock.instant();
        r.apply(decision, now);
        if (decision.outcome() == Outcome.PENDING_APPROVAL) {
            r.outcome = Outcome.APPROVED;
        }
        r.decidedBy = caller.name();
        r.decisionNote = note;
        recordDecision(r, "SHARING_APPROVAL");
        return r;
    }

    @Transactional
    public SharingRequest refuse(Caller caller, UUID id, String reason) {
        SharingRequest r = pendingOf(caller, id);
        r.outcome = Outcome.REFUSED;
        r.releasedCategories = List.of();
        r.decidedAt = clock.instant();
        r.decidedBy = caller.name();
        r.decisionNote = reason;
        recordDecision(r, "SHARING_REFUSED_ON_REVIEW");
        return r;
    }

    @Transactional
    public DecisionChallenge challenge(Caller caller, UUID id, String reason) {
        SharingRequest r = visible(caller, id);
        if (r.outcome != Outcome.REFUSED) {
            throw ProblemException.conflict("only a decision not to share can be challenged; this one is " + r.outcome);
        }
        DecisionChallenge c = new DecisionChallenge();
        c.id = UUID.randomUUID();
        c.requestId = r.id;
        c.organisation = caller.organisation();
        c.raisedBy = caller.name();
        c.reason = reason;
        c.raisedAt = clock.instant();
        c.status = DecisionChallenge.Status.OPEN;
        challenges.persist(c);
        events.challenged(c.id, r, caller.organisation(), c.raisedAt);
        log.append("SHARING_CHALLENGED", r.id, r.organisation, Map.of("challengeId", c.id, "challenger", caller.organisation(),
                "reason", reason));
        return c;
    }

    @Transactional
    public SharingRequest resolve(Caller caller, UUID id, UUID challengeId, boolean upheld, String resolution) {
        SharingRequest r = own(caller, id);
        DecisionChallenge c = challenges.findById(challengeId);
        if (c == null || !c.requestId.equals(r.id)) {
            throw ProblemException.notFound("Challenge " + challengeId);
        }
        if (c.status != DecisionChallenge.Status.OPEN) {
            throw ProblemException.conflict("the challenge was already resolved (" + c.status + ")");
        }
        Instant now = clock.instant();
        c.status = upheld ? DecisionChallenge.Status.UPHELD : DecisionChallenge.Status.DISMISSED;
        c.resolution = resolution;
        c.resolvedBy = caller.name();
        c.resolvedAt = now;
        log.append("SHARING_CHALLENGE_RESOLVED", r.id, r.organisation, Map.of("challengeId", c.id, "upheld", upheld,
                "resolution", resolution, "resolvedBy", caller.name()));
        if (upheld && r.outcome == Outcome.REFUSED) {
            // Upheld: the request is decided afresh on today's facts (an approver still approves any override).
            r.apply(SharingRules.decide(facts(r)), now);
            recordDecision(r, "SHARING_DECIDED_AFTER_CHALLENGE");
        }
        return r;
    }

    /**
     * The requesting organisation sees its requests. A decision not to share about a concern is also visible to
     * the concern's raising organisation and local authority, so they can challenge it.
     */
    public SharingRequest visible(Caller caller, UUID id) {
        SharingRequest r = requests.findById(id);
        if (r != null && !r.confidential && (caller.belongsTo(r.organisation) || concernSideOf(r, caller.organisation()))) {
            return r;
        }
        throw ProblemException.notFound("Sharing request " + id);
    }

    private boolean concernSideOf(SharingRequest r, String organisation) {
        if (r.concernId == null || r.outcome != Outcome.REFUSED) {
            return false;
        }
        ConcernReplica concern = concerns.findById(r.concernId);
        return concern != null && (organisation.equals(concern.organisation) || organisation.equals(concern.localAuthority));
    }

    private SharingRequest own(Caller caller, UUID id) {
        SharingRequest r = requests.findById(id);
        if (r == null || r.confidential || !caller.belongsTo(r.organisation)) {
            throw ProblemException.notFound("Sharing request " + id);
        }
        return r;
    }

    private SharingRequest pendingOf(Caller caller, UUID id) {
        SharingRequest r = own(caller, id);
        if (r.outcome != Outcome.PENDING_APPROVAL) {
            throw ProblemException.conflict("the request is not awaiting approval; it is " + r.outcome);
        }
        return r;
    }

    DecisionFacts facts(SharingRequest r) {
        KnownOrganisation discloser = organisationReplica.find(r.organisation);
        KnownOrganisation recipient = organisationReplica.find(r.recipient);
        AgreementReplica.Cover cover = agreements.cover(r.organisation, r.recipient, r.purpose);
        AdultReference adult = new AdultReference(r.adultPersonId, r.adultNhsNumber, r.adultGivenName, r.adultFamilyName,
                r.adultDateOfBirth);
        ConsentHistory history = consents.history(r.organisation, adult);
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return new DecisionFacts(r, discloser, recipient, cover.version(), cover.gaps(),
                history.inForce(r.purpose, r.recipient, recipient.type, today), history.latestAbout(r.purpose),
                history.capacity(), today, Set.copyOf(config.emergencyCategories()), held(r));
    }

    /** What the discloser may pass on of a concern it did not raise: only what decisions released to it. */
    private Set<DataCategory> held(SharingRequest r) {
        if (r.concernId == null) {
            return null;
        }
        ConcernReplica concern = concerns.findById(r.concernId);
        if (concern == null || concern.organisation.equals(r.organisation)) {
            return null;
        }
        return requests.releasedTo(r.concernId, r.organisation);
    }

    private void recordDecision(SharingRequest r, String entryType) {
        events.decided(r);
        if (r.outcome == Outcome.APPROVED) {
            followUps.approved(r);
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("requestId", r.id);
        entry.put("from", r.organisation);
        entry.put("to", r.recipient);
        entry.put("adultPersonId", r.adultPersonId);
        entry.put("concernId", r.concernId);
        entry.put("purpose", r.purpose);
        entry.put("requested", r.requestedCategories);
        entry.put("outcome", r.outcome);
        entry.put("released", r.releasedCategories);
        entry.put("withheld", r.withheld);
        entry.put("reasons", r.reasons);
        entry.put("emergency", r.emergency);
        entry.put("withoutConsent", r.withoutConsent);
        entry.put("ground", r.ground);
        entry.put("justification", r.justification);
        entry.put("emergencyJustification", r.emergencyJustification);
        entry.put("route", r.route);
        entry.put("confidential", r.confidential);
        entry.put("publicInterest", r.publicInterest);
        entry.put("legalDuty", r.legalDuty);
        entry.putAll(r.basisForLog());
        entry.put("requestedBy", r.requestedByName);
        entry.put("decidedBy", r.decidedBy);
        entry.put("note", r.decisionNote);
        entry.put("decidedAt", r.decidedAt);
        log.append(entryType, r.id, r.organisation, entry);
    }
}
