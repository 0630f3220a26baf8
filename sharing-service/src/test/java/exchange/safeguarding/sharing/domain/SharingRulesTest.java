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

    Decision decide() {
        return SharingRules.decide(new DecisionFacts(request, care, council, agreement, gaps, consent,
                last == null ? consent : last, capacity, TODAY));
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
        consent = null;
        agreement = null;
        gaps = List.of("no information sharing agreement names both CARE and ASC");
        request.emergency = true;
        request.ground = Ground.VITAL_INTERESTS;
        request.justification = "Collapsed, not breathing";
        request.requestedCategories = List.of(IDENTITY, HEALTH);
        Decision d = decide();
        assertThat(d.outcome()).isEqualTo(Outcome.APPROVED);
        assertThat(d.withoutConsent()).isTrue();
        assertThat(d.released()).containsExactly(IDENTITY, HEALTH);
        assertThat(d.basis().article6()).isEqualTo(Article6Basis.VITAL_INTERESTS_6_1_D);
        assertThat(d.basis().article9()).isEqualTo(Article9Condition.VITAL_INTERESTS_9_2_C);
        assertThat(d.reasons()).anySatisfy(r -> assertThat(r.detail()).contains("emergency disclosure without an agreement, flagged"));
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
