package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.domain.agreement.AgreementChange;
import exchange.safeguarding.agreement.domain.agreement.AgreementPeriod;
import exchange.safeguarding.agreement.domain.agreement.AgreementStatus;
import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;
import exchange.safeguarding.agreement.messaging.AgreementEvents;
import exchange.safeguarding.agreement.repository.AgreementPeriodRepository;
import exchange.safeguarding.agreement.repository.AgreementSignatureRepository;
import exchange.safeguarding.agreement.repository.AgreementVersionRepository;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import exchange.safeguarding.agreement.repository.SharingAgreementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts versions in and out of force: a fully signed version becomes active once its effective date has
 * come and every party is an active organisation, superseding the version before it; ending a version
 * closes its period in force. Every transition is recorded and announced.
 */
@ApplicationScoped
public class AgreementActivation {

    private final SharingAgreementRepository agreements;
    private final AgreementVersionRepository versions;
    private final AgreementSignatureRepository signatures;
    private final AgreementPeriodRepository periods;
    private final OrganisationRepository organisations;
    private final AgreementEvents events;
    private final Clock clock;

    public AgreementActivation(SharingAgreementRepository agreements, AgreementVersionRepository versions,
                               AgreementSignatureRepository signatures, AgreementPeriodRepository periods,
                               OrganisationRepository organisations, AgreementEvents events, Clock clock) {
        this.agreements = agreements;
        this.versions = versions;
        this.signatures = signatures;
        this.periods = periods;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
    }

    /** Why a version is not (yet) in force; empty when it is active. */
    public List<String> waitingFor(AgreementVersion version) {
        List<String> reasons = new ArrayList<>();
        if (version.status == AgreementStatus.ACTIVE || version.status.ended() || version.status == AgreementStatus.SUSPENDED) {
            return reasons;
        }
        Set<String> signed = new HashSet<>();
        signatures.of(version.id).forEach(s -> signed.add(s.organisation));
        for (String party : version.parties) {
            if (!signed.contains(party)) {
                reasons.add("signature of " + party);
            }
        }
        LocalDate today = today();
        if (version.effectiveFrom.isAfter(today)) {
            reasons.add("its effective date " + version.effectiveFrom);
        }
        for (String party : version.parties) {
            Organisation organisation = organisations.findById(party);
            if (organisation == null || !organisation.activeOn(today)) {
                reasons.add(party + " to be an active organisation" + inactiveBecause(organisation, today));
            }
        }
        return reasons;
    }

    private static String inactiveBecause(Organisation organisation, LocalDate today) {
        if (organisation == null) {
            return " (not registered)";
        }
        return organisation.suspendedAt != null ? " (suspended)"
                : " (missing " + String.join("; ", organisation.missingForActivation(today)) + ")";
    }

    /**
     * Activates the version if nothing is left to wait for. A version whose last day has already passed (signed
     * too late) expires instead: it must neither cover sharing nor supersede the version in force.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryActivate(AgreementVersion version, String by) {
        if (version.status != AgreementStatus.SIGNED) {
            return false;
        }
        SharingAgreement agreement = agreements.findById(version.agreementId);
        if (version.effectiveTo != null && today().isAfter(version.effectiveTo)) {
            end(agreement, version, AgreementStatus.EXPIRED, "its effective-to date " + version.effectiveTo
                    + " passed before it came into force", by);
            return false;
        }
        if (!waitingFor(version).isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        for (AgreementVersion older : versions.versionsOf(version.agreementId)) {
            if (older.version < version.version && (older.status == AgreementStatus.ACTIVE
                    || older.status == AgreementStatus.SUSPENDED || older.status == AgreementStatus.SIGNED)) {
                end(agreement, older, AgreementStatus.SUPERSEDED, "superseded by version " + version.version, by);
            }
        }
        version.status = AgreementStatus.ACTIVE;
        version.activatedAt = now;
        version.updatedAt = now;
        periods.persist(AgreementPeriod.opening(version.id, now));
        AgreementChange.of(agreement.id, version.version, "became active", by, now).persist();
        events.publish(AgreementEvents.ACTIVATED, agreement, version, signatures.of(version.id));
        return true;
    }

    /** Ends a version for good (superseded, terminated, lapsed, expired). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void end(SharingAgreement agreement, AgreementVersion version, AgreementStatus finalStatus, String reason, String by) {
        Instant now = clock.instant();
        closePeriod(version, now);
        version.end(finalStatus, reason, now);
        AgreementChange.of(agreement.id, version.version, finalStatus.name().toLowerCase() + ": " + reason, by, now).persist();
        events.publish(switch (finalStatus) {
            case SUPERSEDED -> AgreementEvents.SUPERSEDED;
            case TERMINATED -> AgreementEvents.TERMINATED;
            case LAPSED -> AgreementEvents.LAPSED;
            case EXPIRED -> AgreementEvents.EXPIRED;
            default -> throw new IllegalArgumentException(finalStatus + " does not end a version");
        }, agreement, version, signatures.of(version.id));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void closePeriod(AgreementVersion version, Instant at) {
        periods.open(version.id).ifPresent(period -> period.until = at);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void openPeriod(AgreementVersion version, Instant at) {
        periods.persist(AgreementPeriod.opening(version.id, at));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }
}
