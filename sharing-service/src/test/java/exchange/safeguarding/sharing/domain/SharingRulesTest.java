package exchange.safeguarding.sharing.domain;

import exchange.safeguarding.kit.vocabulary.Article6Basis;
import exchange.safeguarding.kit.vocabulary.Article9Condition;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.kit.vocabulary.Schedule1Condition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static exchange.safeguarding.kit.vocabulary.DataCategory.CONCERN_SUMMARY;
import static exchange.safeguarding.kit.vocabulary.DataCategory.CRIMINAL_OFFENCE_INFORMATION;
import static exchange.safeguarding.kit.vocabulary.DataCategory.HEALTH;
import static exchange.safeguarding.kit.vocabulary.DataCategory.IDENTITY;
import static exchange.safeguarding.kit.vocabulary.DataCategory.RISK_INFORMATION;
import static org.assertj.core.api.Assertions.assertThat;

/** Every decision path: each piece present or missing, each ground, data minimisation, lawful basis. */
class SharingRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final Purpose PURPOSE = Purpose.COORDINATE_RESPONSES;

    SharingRequest request = request(List.of(IDENTITY, CONCERN_SUMMARY));
    KnownOrganisation care = org("CARE", "CARE_PROVIDER", "ACTIVE");
    KnownOrganisation council = org("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "ACTIVE");
    AgreementVersionReplica agreement = agreement(List.of(IDENTITY, CONCERN_SUMMARY, RISK_INFORMATION, HEALTH));
    ConsentRecord consent = given(List.of(IDENTITY, CONCERN_SUMMARY, RISK_INFORMATION, HEALTH), null);
    ConsentRecord last;
    ConsentRecord capacity;
    List<String> gaps = List.of();
    java.util.Set<DataCategory> held;

    Decision decide() {
        return SharingRules.decide(new DecisionFacts(request, care, council, agreement, gaps, consent,
                last == null ? consent : last, capacity, TODAY, DecisionFacts.DEFAULT_EMERGENCY_CATEGORIES, held));
    }

    @Test
    void consentAndAnAgreementCoveringEverythingApproveAtOnce() {
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.released()).containsExactly(IDENTITY, CONCERN_SUMMARY);
        assertThat(d.withheld()).isEmpty();
        assertThat(d.withoutConsent()).isFalse();
        assertThat(d.consentRecordId()).isEqualTo(consent.id);
        assertThat(d.agreement().reference()).isEqualTo("ISA-1");
        assertThat(d.basis().article6()).isEqualTo(Article6Basis.PUBLIC_TASK_6_1_E);
        assertThat(d.reasons()).extracting(DecisionReason::check)
                .contains(SharingRules.PARTIES, SharingRules.AGREEMENT, SharingRules.CONSENT, SharingRules.LAWFUL_BASIS);
    }

    @Test
    void categoriesTheAgreementDoesNotPermitAreWithheldWithTheReason() {
        request = request(List.of(IDENTITY, CRIMINAL_OFFENCE_INFORMATION));
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.released()).containsExactly(IDENTITY);
        assertThat(d.withheld()).singleElement().satisfies(w -> {
            assertThat(w.category()).isEqualTo(CRIMINAL_OFFENCE_INFORMATION);
            assertThat(w.reason()).contains("not permitted by ISA-1 version 2");
        });
    }

    @Test
    void withoutAnAgreementSharingIsRefusedWithTheGap() {
        agreement = null;
        gaps = List.of("no information sharing agreement names both CARE and ASC");
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.released()).isEmpty();
        assertThat(d.reasons()).anySatisfy(r -> {
            assertThat(r.check()).isEqualTo(SharingRules.AGREEMENT);
            assertThat(r.satisfied()).isFalse();
            assertThat(r.detail()).contains("no information sharing agreement names both");
        });
        assertThat(d.withheld()).extracting(WithheldCategory::reason).allMatch(s -> s.contains("no information sharing agreement"));
    }

    @Test
    void aPartyThatIsNotActiveBlocksSharing() {
        council = org("ASC", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "SUSPENDED");
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("ASC is not an active organisation (SUSPENDED)"));
    }

    @Test
    void noConsentAndNoGroundIsRefused() {
        consent = null;
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("no consent recorded"));
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("no ground for sharing without consent"));
    }

    @Test
    void refusedConsentWithAGroundNeedsApprovalAndSaysWhatTheAdultDecided() {
        consent = null;
        last = record(ConsentDecision.REFUSED);
        request.ground = Ground.RISK_TO_OTHERS;
        request.justification = "Grandchildren visit the home where the alleged abuser lives";
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.PENDING_APPROVAL);
        assertThat(d.withoutConsent()).isTrue();
        assertThat(d.released()).containsExactly(IDENTITY, CONCERN_SUMMARY);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("the adult refused consent"));
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.check()).isEqualTo(SharingRules.APPROVAL));
    }

    @Test
    void aGroundWithoutWrittenJustificationIsNotMadeOut() {
        consent = null;
        request.ground = Ground.DURESS_OR_COERCION;
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("no written justification"));
    }

    @Test
    void duressAndStaffImplicatedAreGroundsNeedingApproval() {
        consent = null;
        for (Ground ground : List.of(Ground.DURESS_OR_COERCION, Ground.STAFF_IMPLICATED, Ground.VITAL_INTERESTS)) {
            request.ground = ground;
            request.justification = "Written justification for " + ground;
            assertThat(decide().outcome()).as(ground.name()).isEqualTo(Outcome.PENDING_APPROVAL);
        }
    }

    @Test
    void seriousCrimeNeedsTheBalancingAnsweredAndInFavour() {
        consent = null;
        request.ground = Ground.SERIOUS_CRIME_PUBLIC_INTEREST;
        request.justification = "Fraud against several residents";
        assertThat(decide().reasons()).anySatisfy(r -> assertThat(r.detail()).contains("balancing answered in full"));

        request.publicInterest = balancing(false);
        assertThat(decide().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(decide().reasons()).anySatisfy(r -> assertThat(r.detail()).contains("does not find that the public interest outweighs"));

        request.publicInterest = balancing(true);
        request.requestedCategories = List.of(IDENTITY, CRIMINAL_OFFENCE_INFORMATION);
        agreement = agreement(List.of(IDENTITY, CRIMINAL_OFFENCE_INFORMATION));
        agreement.terms = new ReplicatedTerms("t", List.of(), List.of(new ReplicatedTerms.PurposeTerms(PURPOSE,
                Article6Basis.PUBLIC_TASK_6_1_E, null, null, null, List.of(IDENTITY, CRIMINAL_OFFENCE_INFORMATION))), null, null, null);
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.PENDING_APPROVAL);
        assertThat(d.basis().criminalOffence()).isEqualTo(Schedule1Condition.PREVENTING_OR_DETECTING_UNLAWFUL_ACTS_PART2_PARA_10);
    }

    @Test
    void lacksCapacityNeedsARecordedBestInterestsDecision() {
        consent = null;
        request.ground = Ground.LACKS_CAPACITY;
        request.justification = "Advanced dementia; best interests to share with the council";
        assertThat(decide().outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(decide().reasons()).anySatisfy(r -> assertThat(r.detail()).contains("best-interests decision"));

        capacity = record(ConsentDecision.LACKS_CAPACITY);
        capacity.capacityAssessmentReference = "MCA-77";
        capacity.bestInterestsDecision = "Share so that the council can arrange support";
        capacity.bestInterestsDecidedBy = "Dr Patel";
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.PENDING_APPROVAL);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("MCA-77").contains("Dr Patel"));
    }

    @Test
    void aLegalDutyNeedsItsReferenceAndRestsOnLegalObligation() {
        consent = null;
        request.ground = Ground.LEGAL_DUTY;
        request.justification = "The council's section 42 enquiry requires it";
        assertThat(decide().outcome()).isEqualTo(Outcome.REFUSED);
        request.legalDuty = new LegalDuty(LegalDuty.Type.SECTION_42_ENQUIRY, "S42-2026-001");
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.PENDING_APPROVAL);
        assertThat(d.basis().article6()).isEqualTo(Article6Basis.LEGAL_OBLIGATION_6_1_C);
    }

    @Test
    void anEmergencyIsApprovedAtOnceOnVitalInterestsEvenWithoutAnAgreement() {
        emergencyToThe(org("POLICE", "POLICE", "ACTIVE"), IDENTITY, RISK_INFORMATION);
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.withoutConsent()).isTrue();
        assertThat(d.released()).containsExactly(IDENTITY, RISK_INFORMATION);
        assertThat(d.basis().article6()).isEqualTo(Article6Basis.VITAL_INTERESTS_6_1_D);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("emergency disclosure without an agreement, flagged"));
        assertThat(d.reasons()).anySatisfy(r -> {
            assertThat(r.check()).isEqualTo(SharingRules.EMERGENCY);
            assertThat(r.satisfied()).isTrue();
            assertThat(r.detail()).contains("an emergency service serving Northshire").contains("nephew");
        });
    }

    @Test
    void anEmergencyReleasesOnlyTheEmergencyCategories() {
        emergencyToThe(org("POLICE", "POLICE", "ACTIVE"), IDENTITY, HEALTH, CRIMINAL_OFFENCE_INFORMATION,
                DataCategory.PERSON_ALLEGED_TO_CAUSE_HARM);
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.released()).containsExactly(IDENTITY);
        assertThat(d.withheld()).extracting(WithheldCategory::category)
                .containsExactly(HEALTH, CRIMINAL_OFFENCE_INFORMATION, DataCategory.PERSON_ALLEGED_TO_CAUSE_HARM);
        assertThat(d.withheld()).allSatisfy(w -> assertThat(w.reason()).startsWith("not an emergency category"));
    }

    @Test
    void anEmergencyForACharityOrAnotherCareProviderIsNotHonouredAndWithoutAnAgreementIsRefused() {
        for (KnownOrganisation to : List.of(org("CHARITY", "VOLUNTARY_SECTOR", "ACTIVE"), org("ORCHARD", "CARE_PROVIDER", "ACTIVE"))) {
            emergencyToThe(to, IDENTITY, HEALTH, CRIMINAL_OFFENCE_INFORMATION);
            Decision d = decide();
            assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
            assertThat(d.released()).isEmpty();
            assertThat(d.reasons()).anySatisfy(r -> {
                assertThat(r.check()).isEqualTo(SharingRules.EMERGENCY);
                assertThat(r.satisfied()).isFalse();
                assertThat(r.detail()).contains("neither the local authority nor an emergency service")
                        .endsWith("decided as an ordinary request");
            });
        }
    }

    @Test
    void anEmergencyForAnOrganisationUnderAnAgreementButNotAnEmergencyServiceWaitsForApproval() {
        emergencyToThe(org("ORCHARD", "CARE_PROVIDER", "ACTIVE"), IDENTITY, RISK_INFORMATION);
        agreement = agreement(List.of(IDENTITY, RISK_INFORMATION));
        assertThat(decide().outcome()).isEqualTo(Outcome.PENDING_APPROVAL);
    }

    @Test
    void anEmergencyServiceOfAnotherAreaOrAnInsubstantialJustificationIsNotAnEmergency() {
        KnownOrganisation elsewhere = org("POLICE-2", "POLICE", "ACTIVE");
        elsewhere.areaServed = "Southshire";
        emergencyToThe(elsewhere, IDENTITY);
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("does not serve Northshire"));

        emergencyToThe(org("POLICE", "POLICE", "ACTIVE"), IDENTITY);
        request.emergencyJustification = new EmergencyJustification("x", "x");
        d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("needs the threat to life"));
    }

    @Test
    void anNhsTrustIsAnEmergencyRecipientOnlyUnderAnAgreementToPreventDeathOrSeriousHarm() {
        emergencyToThe(org("NHS", "NHS_TRUST", "ACTIVE"), IDENTITY);
        assertThat(decide().outcome()).isEqualTo(Outcome.REFUSED);

        request.purpose = Purpose.PREVENT_DEATH_OR_SERIOUS_HARM;
        agreement = agreement(List.of(IDENTITY));
        agreement.terms = new ReplicatedTerms("t", List.of(new ReplicatedTerms.Party("CARE"), new ReplicatedTerms.Party("NHS")),
                List.of(new ReplicatedTerms.PurposeTerms(Purpose.PREVENT_DEATH_OR_SERIOUS_HARM,
                        Article6Basis.VITAL_INTERESTS_6_1_D, null, null, null, List.of(IDENTITY))), null, null, null);
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.check()).isEqualTo(SharingRules.EMERGENCY));
    }

    @Test
    void aSafeguardingReferralToTheLocalAuthorityNeedsNoConsentNorAgreementAndSaysItsStatutoryBasis() {
        consent = null;
        agreement = null;
        gaps = List.of("no information sharing agreement names both CARE and ASC");
        request.route = Route.REFERRAL;
        request.ground = Ground.SAFEGUARDING_DUTY;
        request.justification = "Care Act 2014 s42: referral";
        request.requestedCategories = List.of(IDENTITY, HEALTH, DataCategory.PERSON_ALLEGED_TO_CAUSE_HARM);
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.released()).containsExactly(IDENTITY, HEALTH, DataCategory.PERSON_ALLEGED_TO_CAUSE_HARM);
        assertThat(d.basis().article6()).isEqualTo(Article6Basis.PUBLIC_TASK_6_1_E);
        assertThat(d.basis().article9()).isEqualTo(Article9Condition.SUBSTANTIAL_PUBLIC_INTEREST_9_2_G);
        assertThat(d.basis().schedule1()).isEqualTo(Schedule1Condition.SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("Care Act 2014 section 42 duty"));

        // With an agreement in force, its terms still minimise what the referral releases.
        agreement = agreement(List.of(IDENTITY, HEALTH));
        d = decide();
        assertThat(d.released()).containsExactly(IDENTITY, HEALTH);
        assertThat(d.withheld()).extracting(WithheldCategory::category).containsExactly(DataCategory.PERSON_ALLEGED_TO_CAUSE_HARM);
    }

    @Test
    void theSafeguardingDutyIsNoGroundForAnyoneButTheLocalAuthority() {
        consent = null;
        request.route = Route.REFERRAL;
        request.ground = Ground.SAFEGUARDING_DUTY;
        request.justification = "Care Act 2014 s42: referral";
        council = org("POLICE", "POLICE", "ACTIVE");
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("SAFEGUARDING_DUTY is for referrals to the local authority"));
    }

    @Test
    void anOrganisationPassesOnOfAnotherOrganisationsConcernOnlyWhatWasReleasedToIt() {
        held = java.util.Set.of(IDENTITY);
        Decision d = decide();
        assertThat(d.released()).containsExactly(IDENTITY);
        assertThat(d.withheld()).singleElement().satisfies(w -> {
            assertThat(w.category()).isEqualTo(CONCERN_SUMMARY);
            assertThat(w.reason()).contains("no sharing decision released it to CARE");
        });
    }

    private void emergencyToThe(KnownOrganisation recipient, DataCategory... categories) {
        consent = null;
        agreement = null;
        gaps = List.of("no information sharing agreement names both CARE and " + recipient.code);
        council = recipient;
        request = request(List.of(categories));
        request.recipient = recipient.code;
        request.emergency = true;
        request.ground = Ground.VITAL_INTERESTS;
        request.justification = "She says her nephew will come back tonight and hurt her";
        request.emergencyJustification = new EmergencyJustification("She says her nephew will come back tonight and hurt her",
                "He is expected within hours and no lead is on site to approve");
    }

    @Test
    void specialCategoryDataUnderAGroundTakesTheAgreementsArticle9Condition() {
        consent = null;
        request.ground = Ground.RISK_TO_OTHERS;
        request.justification = "Risk to other residents";
        request.requestedCategories = List.of(HEALTH);
        Decision d = decide();
        assertThat(d.basis().article9()).isEqualTo(Article9Condition.HEALTH_OR_SOCIAL_CARE_9_2_H);
        assertThat(d.basis().schedule1()).isEqualTo(Schedule1Condition.HEALTH_OR_SOCIAL_CARE_PART1_PARA_2);
    }

    @Test
    void consentCoveringSomeCategoriesReleasesOnlyThose() {
        consent = given(List.of(IDENTITY), null);
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.released()).containsExactly(IDENTITY);
        assertThat(d.withheld()).singleElement().satisfies(w -> {
            assertThat(w.category()).isEqualTo(CONCERN_SUMMARY);
            assertThat(w.reason()).contains("not covered by the adult's consent");
        });
    }

    @Test
    void expiredConsentIsNamedAsTheReason() {
        ConsentRecord expired = given(List.of(IDENTITY, CONCERN_SUMMARY), TODAY.minusDays(1));
        consent = null;
        last = expired;
        assertThat(decide().reasons()).anySatisfy(r -> assertThat(r.detail()).contains("expired on " + TODAY.minusDays(1)));
    }

    @Test
    void consentHistoryHonoursWithdrawalsAndRefusals() {
        ConsentRecord first = given(List.of(IDENTITY), null);
        first.recordedAt = Instant.parse("2026-01-01T10:00:00Z");
        ConsentRecord withdrawal = record(ConsentDecision.WITHDRAWN);
        withdrawal.withdraws = first.id;
        ConsentRecord expired = given(List.of(IDENTITY), TODAY.minusDays(3));
        assertThat(new ConsentHistory(List.of(first)).inForce(PURPOSE, "ASC", null, TODAY)).isSameAs(first);
        assertThat(new ConsentHistory(List.of(withdrawal, first)).inForce(PURPOSE, "ASC", null, TODAY)).isNull();
        assertThat(new ConsentHistory(List.of(record(ConsentDecision.REFUSED), first)).inForce(PURPOSE, "ASC", null, TODAY)).isNull();
        assertThat(new ConsentHistory(List.of(expired)).inForce(PURPOSE, "ASC", null, TODAY)).isNull();
        assertThat(new ConsentHistory(List.of(first)).inForce(PURPOSE, "POLICE", "POLICE", TODAY)).isNull();
        ConsentRecord later = given(List.of(IDENTITY), null);
        assertThat(new ConsentHistory(List.of(later, withdrawal, first)).inForce(PURPOSE, "ASC", null, TODAY)).isSameAs(later);
        assertThat(new ConsentHistory(List.of(withdrawal, first)).givenInForce(TODAY)).isEmpty();
    }

    static PublicInterestBalancing balancing(boolean outweighs) {
        return new PublicInterestBalancing("Fraud against residents", true, PublicInterestBalancing.Likelihood.HIGH,
                "Further losses", true, true, outweighs);
    }

    static SharingRequest request(List<DataCategory> categories) {
        SharingRequest r = new SharingRequest();
        r.id = UUID.randomUUID();
        r.organisation = "CARE";
        r.recipient = "ASC";
        r.purpose = PURPOSE;
        r.requestedCategories = categories;
        return r;
    }

    static KnownOrganisation org(String code, String type, String status) {
        KnownOrganisation o = new KnownOrganisation();
        o.code = code;
        o.type = type;
        o.status = status;
        o.areaServed = "Northshire";
        return o;
    }

    static AgreementVersionReplica agreement(List<DataCategory> categories) {
        AgreementVersionReplica v = new AgreementVersionReplica();
        v.agreementId = UUID.randomUUID();
        v.versionId = UUID.randomUUID();
        v.reference = "ISA-1";
        v.version = 2;
        v.status = "ACTIVE";
        v.terms = new ReplicatedTerms("t", List.of(new ReplicatedTerms.Party("CARE"), new ReplicatedTerms.Party("ASC")),
                List.of(new ReplicatedTerms.PurposeTerms(PURPOSE, Article6Basis.PUBLIC_TASK_6_1_E,
                        Article9Condition.HEALTH_OR_SOCIAL_CARE_9_2_H, Schedule1Condition.HEALTH_OR_SOCIAL_CARE_PART1_PARA_2,
                        null, categories)), null, null, null);
        return v;
    }

    static ConsentRecord record(ConsentDecision decision) {
        ConsentRecord r = new ConsentRecord();
        r.id = UUID.randomUUID();
        r.decision = decision;
        r.purposes = List.of(PURPOSE.name());
        r.recordedAt = Instant.parse("2026-06-01T10:00:00Z");
        return r;
    }

    static ConsentRecord given(List<DataCategory> categories, LocalDate expiresOn) {
        ConsentRecord r = record(ConsentDecision.GIVEN);
        r.recipients = List.of("ASC");
        r.dataCategories = categories.stream().map(Enum::name).toList();
        r.expiresOn = expiresOn;
        return r;
    }
}
