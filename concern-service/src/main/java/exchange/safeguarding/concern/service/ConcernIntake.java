package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.AbuseType;
import exchange.safeguarding.concern.domain.CapacityAnswer;
import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernAccess;
import exchange.safeguarding.concern.domain.ConcernStatus;
import exchange.safeguarding.concern.domain.ConcernStep;
import exchange.safeguarding.concern.domain.LocationType;
import exchange.safeguarding.concern.domain.Person;
import exchange.safeguarding.concern.domain.SourceOfRisk;
import exchange.safeguarding.concern.domain.Urgency;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.concern.repository.ConcernAccessRepository;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.idempotency.IdempotencyKeys;
import exchange.safeguarding.kit.idempotency.KeyedRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Raising a concern: the adult (and any person alleged to cause harm) matched across agencies, the
 * concern stored, routed and announced, and patterns checked, all in one transaction, so an accepted
 * concern is never lost or left unrouted.
 */
@ApplicationScoped
public class ConcernIntake {

    /** The operation Idempotency-Keys are kept under (its OpenAPI operation id). */
    static final String OPERATION = "raiseConcern";

    public record AllegedHarm(PersonMatching.Identity identity, String relationship) {
    }

    public record NewConcern(PersonMatching.Identity adult, Set<AbuseType> abuseTypes, LocationType locationType,
                             String settingName, SourceOfRisk sourceOfRisk, AllegedHarm personAllegedToCauseHarm,
                             String whatHappened, String immediateActions, Urgency urgency, String viewsAndWishes,
                             String desiredOutcomes, CapacityAnswer lackedCapacity, String capacitySupport,
                             boolean emergencyServicesContacted, boolean whistleblowing, boolean implicatesSafeguardingLead) {
    }

    private final ConcernRepository concerns;
    private final IdempotencyKeys idempotencyKeys;
    private final ConcernAccessRepository access;
    private final PersonMatching matching;
    private final ConcernRouting routing;
    private final PatternDetection patterns;
    private final ConcernEvents events;
    private final Clock clock;

    public ConcernIntake(ConcernRepository concerns, IdempotencyKeys idempotencyKeys, ConcernAccessRepository access,
                         PersonMatching matching, ConcernRouting routing, PatternDetection patterns, ConcernEvents events,
                         Clock clock) {
        this.concerns = concerns;
        this.idempotencyKeys = idempotencyKeys;
        this.access = access;
        this.matching = matching;
        this.routing = routing;
        this.patterns = patterns;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Concern raise(Caller caller, NewConcern request) {
        return raise(caller, request, null).resource();
    }

    /**
     * Raises the concern, unless the caller's organisation already raised one with the same Idempotency-Key: then
     * that one is returned, or the request refused if it asked for something else under the key.
     */
    @Transactional
    public IdempotencyKeys.Created<Concern> raise(Caller caller, NewConcern request, KeyedRequest keyed) {
        // PostgreSQL keeps microseconds: the 201 must show the time a later read (or a replay) will show.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return idempotencyKeys.once(caller.organisation(), OPERATION, keyed, now, id -> create(caller, request, id, now),
                concerns::findById);
    }

    private Concern create(Caller caller, NewConcern request, UUID id, Instant now) {
        Concern concern = new Concern();
        concern.id = id;
        concern.organisation = caller.organisation();
        concern.raisedBy = caller.subject();
        concern.raisedByName = caller.name();
        Person adult = matching.resolve(request.adult());
        concern.adultPersonId = adult.id;
        concern.adultGivenName = request.adult().givenName();
        concern.adultFamilyName = request.adult().familyName();
        concern.adultDateOfBirth = request.adult().dateOfBirth();
        concern.adultNhsNumber = adult.nhsNumber != null && request.adult().nhsNumber() != null ? adult.nhsNumber : null;
        concern.adultPostcode = request.adult().postcode() == null ? null : Person.normalisePostcode(request.adult().postcode());
        concern.abuseTypes = request.abuseTypes().stream().map(Enum::name).sorted().toArray(String[]::new);
        concern.locationType = request.locationType();
        concern.settingName = request.settingName();
        concern.settingKey = settingKey(request.settingName());
        concern.sourceOfRisk = request.sourceOfRisk();
        if (request.personAllegedToCauseHarm() != null) {
            PersonMatching.Identity pah = request.personAllegedToCauseHarm().identity();
            concern.pahPersonId = matching.resolve(pah).id;
            concern.pahGivenName = pah.givenName();
            concern.pahFamilyName = pah.familyName();
            concern.pahRelationship = request.personAllegedToCauseHarm().relationship();
        }
        concern.whatHappened = request.whatHappened();
        concern.immediateActions = request.immediateActions();
        concern.urgency = request.urgency();
        concern.viewsAndWishes = request.viewsAndWishes();
        concern.desiredOutcomes = request.desiredOutcomes();
        concern.lackedCapacity = request.lackedCapacity();
        concern.capacitySupport = request.capacitySupport();
        concern.emergencyServicesContacted = request.emergencyServicesContacted();
        concern.whistleblowing = request.whistleblowing();
        concern.implicatesSafeguardingLead = request.whistleblowing() && request.implicatesSafeguardingLead();
        concern.localAuthority = routing.localAuthorityFor(concern.organisation).orElse(null);
        concern.raisedAt = now;

        ConcernRouting.Route route = routing.initial(concern, now);
        concern.status = route.step() == null ? ConcernStatus.RECORDED : ConcernStatus.AWAITING_ACKNOWLEDGEMENT;
        concern.currentStep = route.step();
        concern.ownerOrganisation = route.owner();
        concern.responseDueAt = route.dueAt();
        concerns.persist(concern);

        access.grant(concern.id, concern.organisation, concern.whistleblowing ? ConcernAccess.Reason.WHISTLEBLOWING
                : ConcernAccess.Reason.RAISED, now);
        if (route.owner() != null && !route.owner().equals(concern.organisation)) {
            access.grant(concern.id, route.owner(), concern.whistleblowing ? ConcernAccess.Reason.WHISTLEBLOWING
                    : ConcernAccess.Reason.ROUTED, now);
        }
        route.emergencyServices().forEach(code -> access.grant(concern.id, code, ConcernAccess.Reason.EMERGENCY, now));
        ConcernStep.of(concern.id, "RAISED", null, concern.organisation, concern.whistleblowing ? "withheld (whistleblowing)"
                : caller.name(), now, null).persist();
        if (route.step() != null) {
            ConcernStep.of(concern.id, "ROUTED", route.step(), route.owner(), "platform", now,
                    routeReason(concern)).persist();
        }
        events.raised(concern);
        events.routed(concern, route);
        patterns.evaluate(concern, now);
        return concern;
    }

    private static String routeReason(Concern concern) {
        if (concern.whistleblowing) {
            return "whistleblowing: bypasses the organisation's management";
        }
        return concern.urgency == Urgency.EMERGENCY ? "emergency: straight to the safeguarding lead, local authority and emergency services"
                : "to the raiser's line managers first";
    }

    static String settingKey(String settingName) {
        if (settingName == null || settingName.isBlank()) {
            return null;
        }
        return settingName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
