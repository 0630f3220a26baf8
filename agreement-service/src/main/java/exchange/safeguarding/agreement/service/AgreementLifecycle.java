package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.domain.agreement.AgreementChange;
import exchange.safeguarding.agreement.domain.agreement.AgreementSignature;
import exchange.safeguarding.agreement.domain.agreement.AgreementStatus;
import exchange.safeguarding.agreement.domain.agreement.AgreementTerms;
import exchange.safeguarding.agreement.domain.agreement.AgreementTermsRules;
import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;
import exchange.safeguarding.agreement.messaging.AgreementEvents;
import exchange.safeguarding.agreement.repository.AgreementSignatureRepository;
import exchange.safeguarding.agreement.repository.AgreementVersionRepository;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import exchange.safeguarding.agreement.repository.SharingAgreementRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.problem.Problem;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Drafting, signing, amending, suspending, resuming and terminating information sharing agreements. */
@ApplicationScoped
public class AgreementLifecycle {

    private static final EnumSet<AgreementStatus> OPEN_DRAFT = EnumSet.of(AgreementStatus.DRAFT, AgreementStatus.AWAITING_SIGNATURES);

    private final SharingAgreementRepository agreements;
    private final AgreementVersionRepository versions;
    private final AgreementSignatureRepository signatures;
    private final OrganisationRepository organisations;
    private final AgreementActivation activation;
    private final AgreementAccess access;
    private final AgreementEvents events;
    private final Clock clock;

    public AgreementLifecycle(SharingAgreementRepository agreements, AgreementVersionRepository versions,
                              AgreementSignatureRepository signatures, OrganisationRepository organisations,
                              AgreementActivation activation, AgreementAccess access, AgreementEvents events, Clock clock) {
        this.agreements = agreements;
        this.versions = versions;
        this.signatures = signatures;
        this.organisations = organisations;
        this.activation = activation;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AgreementVersion draft(Caller caller, AgreementTerms terms) {
        validate(terms);
        Instant now = clock.instant();
        SharingAgreement agreement = new SharingAgreement();
        agreement.id = UUID.randomUUID();
        agreement.reference = "ISA-" + agreement.id.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        agreement.createdAt = now;
        agreement.createdBy = caller.name();
        agreements.persist(agreement);
        AgreementVersion version = AgreementVersion.draft(agreement.id, 1, terms, now);
        versions.persist(version);
        AgreementChange.of(agreement.id, 1, "drafted '" + terms.title() + "'", caller.name(), now).persist();
        events.publish(AgreementEvents.DRAFTED, agreement, version, List.of());
        return version;
    }

    /** Rewrites a draft that nobody has signed yet. */
    @Transactional
    public AgreementVersion editDraft(Caller caller, UUID agreementId, int number, AgreementTerms terms) {
        SharingAgreement agreement = access.readable(caller, agreementId);
        AgreementVersion version = lockedVersion(agreementId, number);
        if (!version.editable()) {
            throw ProblemException.conflict("Version " + number + " is " + version.status
                    + "; its terms are frozen. Amend the agreement to change them");
        }
        validate(terms);
        Instant now = clock.instant();
        version.setTerms(terms, now);
        AgreementChange.of(agreementId, number, "draft terms rewritten", caller.name(), now).persist();
        events.publish(AgreementEvents.DRAFTED, agreement, version, List.of());
        return version;
    }

    /** One party's signature; the last one may bring the version into force. */
    @Transactional
    public AgreementVersion sign(Caller caller, UUID agreementId, int number, String signatoryName, String signatoryRole) {
        SharingAgreement agreement = access.readable(caller, agreementId);
        AgreementVersion version = lockedVersion(agreementId, number);
        if (!version.terms.hasParty(caller.organisation())) {
            throw ProblemException.forbidden("Only a party to version " + number + " can sign it, each for its own organisation");
        }
        if (!version.openForSignature()) {
            throw ProblemException.conflict("Version " + number + " is " + version.status + " and cannot be signed");
        }
        List<AgreementSignature> existing = signatures.of(version.id);
        if (existing.stream().anyMatch(s -> s.organisation.equals(caller.organisation()))) {
            throw ProblemException.conflict(caller.organisation() + " has already signed version " + number);
        }
        Instant now = clock.instant();
        AgreementSignature signature = new AgreementSignature();
        signature.versionId = version.id;
        signature.organisation = caller.organisation();
        signature.signatoryName = signatoryName;
        signature.signatoryRole = signatoryRole;
        signature.signedBy = caller.name();
        signature.signedAt = now;
        signatures.persist(signature);
        boolean allSigned = existing.size() + 1 == version.parties.length;
        version.status = allSigned ? AgreementStatus.SIGNED : AgreementStatus.AWAITING_SIGNATURES;
        version.updatedAt = now;
        AgreementChange.of(agreementId, number, "signed for " + caller.organisation() + " by " + signatoryName
                + " (" + signatoryRole + ")", caller.name(), now).persist();
        events.publish(AgreementEvents.SIGNED, agreement, version, signatures.of(version.id));
        activation.tryActivate(version, caller.name());
        return version;
    }

    /** A new version with new terms; the one in force stays in force until the new one is. */
    @Transactional
    public AgreementVersion amend(Caller caller, UUID agreementId, AgreementTerms terms) {
        SharingAgreement agreement = access.readable(caller, agreementId);
        List<AgreementVersion> family = versions.versionsOfForUpdate(agreementId);
        AgreementVersion latest = family.get(family.size() - 1);
        if (OPEN_DRAFT.contains(latest.status) || latest.status == AgreementStatus.SIGNED) {
            throw ProblemException.conflict("Version " + latest.version + " is " + latest.status
                    + "; amend once it is in force (edit a draft, or wait for a signed version's effective date)");
        }
        if (latest.status == AgreementStatus.TERMINATED) {
            throw ProblemException.conflict("The agreement was terminated; draft a new one");
        }
        validate(terms);
        Instant now = clock.instant();
        AgreementVersion amended = AgreementVersion.draft(agreementId, latest.version + 1, terms, now);
        versions.persist(amended);
        AgreementChange.of(agreementId, amended.version, "amendment drafted as version " + amended.version,
                caller.name(), now).persist();
        events.publish(AgreementEvents.AMENDED, agreement, amended, List.of());
        return amended;
    }

    @Transactional
    public AgreementVersion suspend(Caller caller, UUID agreementId, String reason) {
        SharingAgreement agreement = access.readable(caller, agreementId);
        AgreementVersion active = inStatus(agreementId, AgreementStatus.ACTIVE, "suspend");
        Instant now = clock.instant();
        activation.closePeriod(active, now);
        active.status = AgreementStatus.SUSPENDED;
        active.endReason = reason;
        active.updatedAt = now;
        AgreementChange.of(agreementId, active.version, "suspended: " + reason, caller.name(), now).persist();
        events.publish(AgreementEvents.SUSPENDED, agreement, active, signatures.of(active.id));
        return active;
    }

    @Transactional
    public AgreementVersion resume(Caller caller, UUID agreementId, String reason) {
        SharingAgreement agreement = access.readable(caller, agreementId);
        AgreementVersion suspended = inStatus(agreementId, AgreementStatus.SUSPENDED, "resume");
        Instant now = clock.instant();
        activation.openPeriod(suspended, now);
        suspended.status = AgreementStatus.ACTIVE;
        suspended.endReason = null;
        suspended.updatedAt = now;
        AgreementChange.of(agreementId, suspended.version, "resumed: " + reason, caller.name(), now).persist();
        events.publish(AgreementEvents.RESUMED, agreement, suspended, signatures.of(suspended.id));
        return suspended;
    }

    /** Ends the agreement: every version not already ended is terminated. */
    @Transactional
    public List<AgreementVersion> terminate(Caller caller, UUID agreementId, String reason) {
        SharingAgreement agreement = access.readable(caller, agreementId);
        List<AgreementVersion> open = versions.versionsOfForUpdate(agreementId).stream()
                .filter(v -> !v.status.ended()).toList();
        if (open.isEmpty()) {
            throw ProblemException.conflict("The agreement has already ended");
        }
        open.forEach(v -> activation.end(agreement, v, AgreementStatus.TERMINATED, reason, caller.name()));
        return open;
    }

    private AgreementVersion inStatus(UUID agreementId, AgreementStatus status, String action) {
        return versions.versionsOfForUpdate(agreementId).stream().filter(v -> v.status == status).findFirst()
                .orElseThrow(() -> ProblemException.conflict("No version of the agreement is "
                        + status.name().toLowerCase() + ", so there is nothing to " + action));
    }

    private AgreementVersion lockedVersion(UUID agreementId, int number) {
        return versions.versionsOfForUpdate(agreementId).stream().filter(v -> v.version == number).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Version " + number + " of agreement " + agreementId));
    }

    private void validate(AgreementTerms terms) {
        List<Problem.FieldError> errors = AgreementTermsRules.check(terms, code -> organisations.findById(code) != null);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
