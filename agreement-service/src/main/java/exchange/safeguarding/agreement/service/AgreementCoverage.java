package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.domain.agreement.AgreementTerms;
import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;
import exchange.safeguarding.agreement.repository.AgreementPeriodRepository;
import exchange.safeguarding.agreement.repository.AgreementVersionRepository;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import exchange.safeguarding.agreement.repository.SharingAgreementRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * "Is sharing from A to B for purpose P of categories C at time T covered, and by which agreement
 * version?" Covered only when a version naming both was in force at T, includes the purpose and permits
 * every category, and (for questions about now) both parties are active organisations. Otherwise every
 * reason is given.
 */
@ApplicationScoped
public class AgreementCoverage {

    /** Questions within this distance of the present also check the parties' current standing. */
    private static final Duration NOW = Duration.ofMinutes(5);

    public record Coverage(boolean covered, UUID agreementId, String reference, UUID versionId, Integer version,
                           Purpose purpose, AgreementTerms.PurposeTerms lawfulBasis, List<DataCategory> permittedCategories,
                           List<String> reasons) {
    }

    private final AgreementVersionRepository versions;
    private final SharingAgreementRepository agreements;
    private final AgreementPeriodRepository periods;
    private final OrganisationRepository organisations;
    private final Clock clock;

    public AgreementCoverage(AgreementVersionRepository versions, SharingAgreementRepository agreements,
                             AgreementPeriodRepository periods, OrganisationRepository organisations, Clock clock) {
        this.versions = versions;
        this.agreements = agreements;
        this.periods = periods;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional
    public Coverage check(String from, String to, Purpose purpose, Set<DataCategory> categories, Instant at) {
        if (from.equals(to)) {
            return new Coverage(true, null, null, null, null, purpose, null, List.copyOf(EnumSet.allOf(DataCategory.class)),
                    List.of("sharing within one organisation needs no information sharing agreement"));
        }
        List<String> reasons = new ArrayList<>();
        List<AgreementVersion> candidates = versions.namingBoth(from, to);
        if (candidates.isEmpty()) {
            reasons.add("no information sharing agreement names both " + from + " and " + to);
        }
        boolean aboutNow = Duration.between(at, clock.instant()).abs().compareTo(NOW) <= 0;
        for (AgreementVersion version : candidates) {
            SharingAgreement agreement = agreements.findById(version.agreementId);
            String name = agreement.reference + " version " + version.version;
            if (!periods.inForce(version.id, at)) {
                reasons.add(name + " was not in force at " + at + " (now " + version.status + ")");
                continue;
            }
            AgreementTerms.PurposeTerms terms = version.terms.purpose(purpose);
            if (terms == null) {
                reasons.add(name + " does not cover the purpose " + purpose);
                continue;
            }
            List<DataCategory> refused = categories.stream().filter(c -> !terms.dataCategories().contains(c)).sorted().toList();
            if (!refused.isEmpty()) {
                reasons.add(name + " does not permit " + refused + " for " + purpose);
                continue;
            }
            List<String> inactive = aboutNow ? inactiveParties(from, to) : List.of();
            if (!inactive.isEmpty()) {
                inactive.forEach(reason -> reasons.add(name + ": " + reason));
                continue;
            }
            return new Coverage(true, agreement.id, agreement.reference, version.id, version.version, purpose, terms,
                    terms.dataCategories(), List.of());
        }
        return new Coverage(false, null, null, null, null, purpose, null, List.of(), reasons);
    }

    private List<String> inactiveParties(String... codes) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        List<String> reasons = new ArrayList<>();
        for (String code : codes) {
            Organisation organisation = organisations.findById(code);
            if (organisation == null || !organisation.activeOn(today)) {
                reasons.add(code + " is not an active organisation now");
            }
        }
        return reasons;
    }
}
