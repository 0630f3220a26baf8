package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernAccess;
import exchange.safeguarding.concern.domain.ConcernStatus;
import exchange.safeguarding.concern.domain.ConcernStep;
import exchange.safeguarding.concern.domain.EnquiryOutcome;
import exchange.safeguarding.concern.domain.RiskResult;
import exchange.safeguarding.concern.domain.Step;
import exchange.safeguarding.concern.domain.TriageDecision;
import exchange.safeguarding.concern.messaging.ConcernEvents;
import exchange.safeguarding.concern.repository.ConcernAccessRepository;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The steps after raising: acknowledge, triage against the section 42 tests, refer, enquire, record the
 * outcome, close; and the raiser's professional challenge. Every step records who, when and why, and is
 * announced. Decisions not to act need reasons, and the raiser and the local authority are told of them.
 */
@ApplicationScoped
public class ConcernWorkflow {

    /** The three-part test of Care Act section 42(1). */
    public record Section42(boolean careAndSupportNeeds, boolean experiencingOrAtRiskOfAbuse, boolean unableToProtectThemselves) {
        boolean met() {
            return careAndSupportNeeds && experiencingOrAtRiskOfAbuse && unableToProtectThemselves;
        }
    }

    private final ConcernRepository concerns;
    private final ConcernAccessRepository access;
    private final ConcernVisibility visibility;
    private final ConcernRouting routing;
    private final ConcernEvents events;
    private final Clock clock;

    public ConcernWorkflow(ConcernRepository concerns, ConcernAccessRepository access, ConcernVisibility visibility,
                           ConcernRouting routing, ConcernEvents events, Clock clock) {
        this.concerns = concerns;
        this.access = access;
        this.visibility = visibility;
        this.routing = routing;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Concern acknowledge(Caller caller, UUID id) {
        Concern concern = ownedStep(caller, id);
        if (concern.status != ConcernStatus.AWAITING_ACKNOWLEDGEMENT && concern.status != ConcernStatus.REFERRED) {
            throw ProblemException.conflict("The concern is " + concern.status + "; only a concern awaiting acknowledgement can be acknowledged");
        }
        Instant now = clock.instant();
        concern.status = ConcernStatus.IN_TRIAGE;
        // The decision is owed within the same response time.
        concern.responseDueAt = routing.dueAt(concern.currentStep, concern.ownerOrganisation, concern.urgency, now);
        record(concern, caller, "ACKNOWLEDGED", null, now);
        events.step(ConcernEvents.ACKNOWLEDGED, concern, caller.organisation(), null, List.of(), now);
        return concern;
    }

    @Transactional
    public Concern triage(Caller caller, UUID id, Section42 test, TriageDecision decision, String enquiryType, String reasons) {
        Concern concern = ownedStep(caller, id);
        if (concern.status != ConcernStatus.IN_TRIAGE) {
            throw ProblemException.conflict("Acknowledge the concern before deciding on it (it is " + concern.status + ")");
        }
        Instant now = clock.instant();
        concern.section42Met = test.met();
        boolean atLocalAuthority = concern.currentStep == Step.LOCAL_AUTHORITY;
        String assessment = "section 42 tests: care and support needs " + test.careAndSupportNeeds()
                + ", experiencing or at risk of abuse " + test.experiencingOrAtRiskOfAbuse()
                + ", unable to protect themselves " + test.unableToProtectThemselves();
        record(concern, caller, "TRIAGED", assessment + "; decision " + decision + (reasons == null ? "" : ": " + reasons), now);
        switch (decision) {
            case REFER_TO_LOCAL_AUTHORITY -> {
                if (atLocalAuthority || concern.localAuthority == null) {
                    throw ProblemException.ruleViolated(atLocalAuthority ? "The local authority cannot refer to itself; start an enquiry or decide no further action"
                            : "No local authority is known for this organisation's area");
                }
                events.step(ConcernEvents.TRIAGED, concern, caller.organisation(), reasons, List.of(), now);
                moveTo(concern, Step.LOCAL_AUTHORITY, concern.localAuthority, ConcernStatus.REFERRED, now);
                concern.responseDueAt = routing.dueAt(Step.LOCAL_AUTHORITY, concern.localAuthority, concern.urgency, now);
                access.grant(concern.id, concern.localAuthority, ConcernAccess.Reason.REFERRED, now);
                record(concern, caller, "REFERRED", reasons, now);
                List<ConcernRouting.Recipient> told = new ArrayList<>();
                told.add(new ConcernRouting.Recipient(concern.localAuthority, "la-safeguarding-officer"));
                told.addAll(raiser(concern));
                events.step(ConcernEvents.REFERRED, concern, caller.organisation(), reasons, told, now);
            }
            case START_ENQUIRY -> {
                if (!atLocalAuthority) {
                    throw ProblemException.ruleViolated("Only the local authority makes safeguarding enquiries; refer the concern instead");
                }
                String type = test.met() ? "SECTION_42" : "OTHER_SAFEGUARDING_ENQUIRY";
                if (enquiryType != null && enquiryType.equals("SECTION_42") && !test.met()) {
                    throw ProblemException.invalid("enquiryType", "a section 42 enquiry needs all three section 42 tests met");
                }
                events.step(ConcernEvents.TRIAGED, concern, caller.organisation(), reasons, List.of(), now);
                concern.enquiryType = enquiryType != null ? enquiryType : type;
                concern.status = ConcernStatus.UNDER_ENQUIRY;
                concern.responseDueAt = null;
                record(concern, caller, "ENQUIRY_STARTED", concern.enquiryType, now);
                events.step(ConcernEvents.ENQUIRY_STARTED, concern, caller.organisation(), concern.enquiryType,
                        raiser(concern), now);
            }
            case NO_FURTHER_ACTION -> {
                events.step(ConcernEvents.TRIAGED, concern, caller.organisation(), reasons, List.of(), now);
                close(concern, caller, reasons, now);
            }
        }
        return concern;
    }

    @Transactional
    public Concern recordOutcome(Caller caller, UUID id, EnquiryOutcome outcome, RiskResult risk, String notes) {
        Concern concern = ownedStep(caller, id);
        if (concern.status != ConcernStatus.UNDER_ENQUIRY) {
            throw ProblemException.conflict("An outcome is recorded for a concern under enquiry (it is " + concern.status + ")");
        }
        Instant now = clock.instant();
        concern.outcome = outcome.name();
        concern.riskResult = risk == null ? null : risk.name();
        concern.status = ConcernStatus.OUTCOME_RECORDED;
        record(concern, caller, "OUTCOME_RECORDED", outcome + (risk == null ? "" : ", risk " + risk) + (notes == null ? "" : ": " + notes), now);
        events.step(ConcernEvents.OUTCOME_RECORDED, concern, caller.organisation(), outcome.name(), raiser(concern), now);
        return concern;
    }

    /** Closing needs reasons; closing before any referral or enquiry is visible to the local authority. */
    @Transactional
    public Concern close(Caller caller, UUID id, String reason) {
        Concern concern = concerns.forUpdate(id);
        visibility.visible(caller, concern, id);
        boolean owner = concern.ownerOrganisation != null && caller.belongsTo(concern.ownerOrganisation)
                && mayActAt(caller, concern.currentStep);
        boolean raiserOfLowLevel = concern.status == ConcernStatus.RECORDED && caller.belongsTo(concern.organisation)
                && caller.hasAnyRole(Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD);
        if (!owner && !raiserOfLowLevel) {
            throw ProblemException.forbidden("Only the organisation and role responsible for the current step can close the concern");
        }
        if (concern.status == ConcernStatus.CLOSED) {
            throw ProblemException.conflict("The concern is already closed");
        }
        if (concern.status == ConcernStatus.UNDER_ENQUIRY) {
            throw ProblemException.conflict("Record the enquiry's outcome before closing the concern");
        }
        close(concern, caller, reason, clock.instant());
        return concern;
    }

    /** The raiser escalates over whoever holds the concern, with a reason; works after closure too. */
    @Transactional
    public Concern challenge(Caller caller, UUID id, String reason) {
        Concern concern = concerns.forUpdate(id);
        visibility.visible(caller, concern, id);
        if (!concern.raisedBy(caller.subject())) {
            throw ProblemException.forbidden("Only the person who raised the concern can challenge its handling");
        }
        Instant now = clock.instant();
        record(concern, caller, "CHALLENGED", reason, now);
        ConcernRouting.Route next = routing.escalation(concern, now);
        if (next == null) {
            // Already with the local authority: the challenge is recorded and the authority told.
            events.step(ConcernEvents.ESCALATED, concern, caller.organisation(), "professional challenge: " + reason,
                    concern.localAuthority == null ? List.of() : List.of(new ConcernRouting.Recipient(concern.localAuthority, "la-safeguarding-officer")), now);
            return concern;
        }
        escalate(concern, next, "professional challenge: " + reason, caller.organisation(), now);
        return concern;
    }

    /** Moves the concern to the next step (deadline passed or challenge). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalate(Concern concern, ConcernRouting.Route next, String why, String by, Instant now) {
        // A reopened concern's earlier closure stays in its steps; the concern itself is open again.
        concern.closedAt = null;
        concern.closureReason = null;
        moveTo(concern, next.step(), next.owner(), ConcernStatus.AWAITING_ACKNOWLEDGEMENT, now);
        concern.responseDueAt = next.dueAt();
        access.grant(concern.id, next.owner(), ConcernAccess.Reason.ESCALATED, now);
        ConcernStep.of(concern.id, "ESCALATED", next.step(), next.owner(), by, now, why).persist();
        List<ConcernRouting.Recipient> told = new ArrayList<>(next.recipients());
        told.addAll(raiser(concern));
        events.step(ConcernEvents.ESCALATED, concern, by, why, told, now);
    }

    private void close(Concern concern, Caller caller, String reason, Instant now) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reasons", "closing a concern needs recorded reasons");
        }
        boolean withoutReferral = concern.enquiryType == null && concern.currentStep != Step.LOCAL_AUTHORITY;
        concern.status = ConcernStatus.CLOSED;
        concern.closedAt = now;
        concern.closureReason = reason;
        concern.closedWithoutReferral = withoutReferral;
        concern.responseDueAt = null;
        List<ConcernRouting.Recipient> told = new ArrayList<>(raiser(concern));
        if (withoutReferral && concern.localAuthority != null) {
            // Management interests must not override the need to share: the authority sees every such decision.
            access.grant(concern.id, concern.localAuthority, ConcernAccess.Reason.CLOSED_WITHOUT_REFERRAL, now);
            told.add(new ConcernRouting.Recipient(concern.localAuthority, "la-safeguarding-officer"));
        }
        record(concern, caller, withoutReferral ? "CLOSED_WITHOUT_REFERRAL" : "CLOSED", reason, now);
        events.step(ConcernEvents.CLOSED, concern, caller.organisation(), reason, told, now);
    }

    private Concern ownedStep(Caller caller, UUID id) {
        Concern concern = concerns.forUpdate(id);
        visibility.visible(caller, concern, id);
        if (concern.ownerOrganisation == null || !caller.belongsTo(concern.ownerOrganisation)
                || !mayActAt(caller, concern.currentStep)) {
            throw ProblemException.forbidden("The concern is with " + (concern.currentStep == null ? "no one"
                    : concern.currentStep.name().toLowerCase().replace('_', ' ')) + " at " + concern.ownerOrganisation
                    + "; your role or organisation does not act at this step");
        }
        return concern;
    }

    static boolean mayActAt(Caller caller, Step step) {
        if (step == null) {
            return false;
        }
        return switch (step) {
            case LINE_MANAGER -> caller.hasAnyRole(Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD);
            case SAFEGUARDING_LEAD -> caller.hasRole(Roles.SAFEGUARDING_LEAD);
            case LOCAL_AUTHORITY -> caller.hasRole(Roles.LA_SAFEGUARDING_OFFICER);
        };
    }

    private static void moveTo(Concern concern, Step step, String owner, ConcernStatus status, Instant now) {
        concern.currentStep = step;
        concern.ownerOrganisation = owner;
        concern.status = status;
    }

    private void record(Concern concern, Caller caller, String action, String reason, Instant now) {
        ConcernStep.of(concern.id, action, concern.currentStep, caller.organisation(), caller.name(), now, reason).persist();
    }

    /**
     * The raising organisation, addressed to the raiser (events never name them). None for a whistleblowing
     * concern: a message to the raising organisation reaches its gateway and every inbox there, its line managers'
     * too, which is the management the concern bypasses. The whistleblower follows the concern through the API,
     * and the local authority, which knows who they are, keeps in touch with them.
     */
    private static List<ConcernRouting.Recipient> raiser(Concern concern) {
        return concern.whistleblowing ? List.of() : List.of(new ConcernRouting.Recipient(concern.organisation, "raiser"));
    }
}
