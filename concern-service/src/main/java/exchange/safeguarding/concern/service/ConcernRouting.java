package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.config.ConcernConfig;
import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.KnownOrganisation;
import exchange.safeguarding.concern.domain.Step;
import exchange.safeguarding.concern.domain.Urgency;
import exchange.safeguarding.concern.repository.KnownOrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who hears of a concern and who must answer it, by when. Routine and urgent concerns go to the raiser's
 * line managers; emergencies go at once to the safeguarding lead, the local authority and the emergency
 * services; whistleblowing goes to the local authority (and the safeguarding lead unless implicated)
 * without passing through the organisation's management; low-level concerns are recorded, not routed.
 */
@ApplicationScoped
public class ConcernRouting {

    /** Someone to tell: an organisation, and the audience within it. */
    public record Recipient(String organisation, String audience) {
    }

    public record Route(Step step, String owner, Instant dueAt, List<Recipient> recipients, List<String> emergencyServices) {
    }

    private final KnownOrganisationRepository organisations;
    private final ConcernConfig config;

    public ConcernRouting(KnownOrganisationRepository organisations, ConcernConfig config) {
        this.organisations = organisations;
        this.config = config;
    }

    public Route initial(Concern concern, Instant now) {
        String raiser = concern.organisation;
        Optional<String> la = Optional.ofNullable(concern.localAuthority);
        if (concern.whistleblowing) {
            List<Recipient> told = new ArrayList<>();
            la.ifPresent(code -> told.add(new Recipient(code, "la-safeguarding-officer")));
            if (!concern.implicatesSafeguardingLead) {
                told.add(new Recipient(raiser, "safeguarding-lead"));
            }
            // An emergency still reaches the emergency services, whoever it is about.
            List<String> emergencyServices = concern.urgency == Urgency.EMERGENCY ? emergencyServices(raiser) : List.of();
            emergencyServices.forEach(code -> told.add(new Recipient(code, "emergency")));
            Step step = la.isPresent() ? Step.LOCAL_AUTHORITY : Step.SAFEGUARDING_LEAD;
            return new Route(step, la.orElse(raiser), dueAt(step, la.orElse(raiser), concern.urgency, now), told, emergencyServices);
        }
        return switch (concern.urgency) {
            case LOW_LEVEL -> new Route(null, null, null, List.of(), List.of());
            case EMERGENCY -> {
                List<String> emergencyServices = emergencyServices(raiser);
                List<Recipient> told = new ArrayList<>();
                told.add(new Recipient(raiser, "safeguarding-lead"));
                la.ifPresent(code -> told.add(new Recipient(code, "la-safeguarding-officer")));
                emergencyServices.forEach(code -> told.add(new Recipient(code, "emergency")));
                Step step = la.isPresent() ? Step.LOCAL_AUTHORITY : Step.SAFEGUARDING_LEAD;
                String owner = la.orElse(raiser);
                yield new Route(step, owner, dueAt(step, owner, concern.urgency, now), told, emergencyServices);
            }
            default -> new Route(Step.LINE_MANAGER, raiser, dueAt(Step.LINE_MANAGER, raiser, concern.urgency, now),
                    List.of(new Recipient(raiser, "line-manager")), List.of());
        };
    }

    /** The next rung when a step is overdue or challenged; null when there is none. */
    public Route escalation(Concern concern, Instant now) {
        Step next = concern.currentStep == null ? Step.LINE_MANAGER : concern.currentStep.next();
        if (next == null) {
            return null;
        }
        if (next == Step.LOCAL_AUTHORITY && concern.localAuthority == null) {
            return null;
        }
        String owner = next == Step.LOCAL_AUTHORITY ? concern.localAuthority : concern.organisation;
        Recipient told = next == Step.LOCAL_AUTHORITY ? new Recipient(owner, "la-safeguarding-officer")
                : new Recipient(owner, next == Step.SAFEGUARDING_LEAD ? "safeguarding-lead" : "line-manager");
        return new Route(next, owner, dueAt(next, owner, concern.urgency, now), List.of(told), List.of());
    }

    /** The local authority serving the raiser's area (or the configured default). */
    public Optional<String> localAuthorityFor(String raiser) {
        KnownOrganisation organisation = organisations.findById(raiser);
        if (organisation != null && organisation.isLocalAuthority()) {
            return Optional.of(raiser);
        }
        if (organisation != null && organisation.areaServed != null) {
            Optional<String> serving = organisations.inArea(organisation.areaServed).stream()
                    .filter(KnownOrganisation::isLocalAuthority).filter(KnownOrganisation::notSuspended)
                    .map(o -> o.code).findFirst();
            if (serving.isPresent()) {
                return serving;
            }
        }
        return config.defaultLocalAuthority();
    }

    public Instant dueAt(Step step, String owner, Urgency urgency, Instant now) {
        KnownOrganisation organisation = organisations.findById(owner);
        Duration allowed = Optional.ofNullable(organisation).flatMap(o -> o.responseTime(step, urgency))
                .orElse(config.defaultResponseTime().of(urgency));
        return now.plus(allowed);
    }

    /** The emergency services serving the raiser's area; none when the area is unknown (never the whole country). */
    private List<String> emergencyServices(String raiser) {
        KnownOrganisation organisation = organisations.findById(raiser);
        if (organisation == null || organisation.areaServed == null) {
            return List.of();
        }
        return organisations.inArea(organisation.areaServed).stream().filter(KnownOrganisation::isEmergencyService)
                .filter(KnownOrganisation::notSuspended).map(o -> o.code).filter(code -> !code.equals(raiser)).toList();
    }
}
