package exchange.safeguarding.sharing.domain;

import exchange.safeguarding.kit.vocabulary.Article6Basis;
import exchange.safeguarding.kit.vocabulary.Article9Condition;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.kit.vocabulary.Schedule1Condition;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The decision on one sharing request: is there an agreement covering both parties, the purpose and each
 * category; is there consent covering it; if not, is a ground for sharing without consent made out; which
 * lawful basis applies; and so which categories are released and which withheld, and why. Overrides of
 * consent need an approver, except in an emergency, which is approved at once and reviewed afterwards.
 */
public final class SharingRules {

    public static final String PARTIES = "parties";
    public static final String AGREEMENT = "agreement";
    public static final String CONSENT = "consent";
    public static final String GROUND = "ground for sharing without consent";
    public static final String LAWFUL_BASIS = "lawful basis";
    public static final String APPROVAL = "approval";
    public static final String EMERGENCY = "emergency";
    /** The least an emergency justification's threat and reason each say: a sentence, not a word. */
    public static final int MIN_JUSTIFICATION = 20;

    private SharingRules() {
    }

    public static Decision decide(DecisionFacts facts) {
        SharingRequest request = facts.request();
        List<DecisionReason> reasons = new ArrayList<>();
        List<WithheldCategory> withheld = new ArrayList<>();
        Set<DataCategory> candidates = EnumSet.noneOf(DataCategory.class);
        candidates.addAll(request.requestedCategories);

        // 0. An emergency is honoured only for the emergency services (and the local authority) of the adult's area,
        //    and only for the emergency categories; anything else asked as one is decided as an ordinary request.
        boolean emergency = false;
        if (request.emergency) {
            String problem = emergencyProblem(facts);
            emergency = problem == null;
            if (emergency) {
                reasons.add(new DecisionReason(EMERGENCY, true, facts.recipient().code + " is "
                        + (facts.recipient().localAuthority() ? "the local authority" : "an emergency service")
                        + " serving " + facts.discloser().areaServed + "; " + threat(request)));
                for (DataCategory category : List.copyOf(candidates)) {
                    if (!facts.emergencyCategories().contains(category)) {
                        candidates.remove(category);
                        withheld.add(new WithheldCategory(category, "not an emergency category "
                                + sorted(facts.emergencyCategories()) + "; ask for it in an ordinary request"));
                    }
                }
            } else {
                reasons.add(new DecisionReason(EMERGENCY, false, problem + "; decided as an ordinary request"));
            }
        }
        boolean statutoryReferral = request.route != null && request.ground == Ground.SAFEGUARDING_DUTY
                && facts.recipient().localAuthority();

        // What the discloser holds of another organisation's concern is only what a decision released to it.
        if (facts.held() != null) {
            for (DataCategory category : List.copyOf(candidates)) {
                if (!facts.held().contains(category)) {
                    candidates.remove(category);
                    withheld.add(new WithheldCategory(category, "no sharing decision released it to " + request.organisation
                            + ", so it is not " + request.organisation + "'s to share"));
                }
            }
        }

        boolean partiesActive = parties(facts, reasons, emergency || statutoryReferral);

        // 1. The agreement: both parties, the purpose, each category.
        ReplicatedTerms.PurposeTerms terms = null;
        Decision.AgreementMatch match = null;
        AgreementVersionReplica agreement = facts.agreement();
        if (agreement != null) {
            terms = agreement.terms.purpose(request.purpose);
            match = new Decision.AgreementMatch(agreement.agreementId, agreement.reference, agreement.versionId, agreement.version);
            String name = agreement.reference + " version " + agreement.version;
            for (DataCategory category : List.copyOf(candidates)) {
                if (!terms.dataCategories().contains(category)) {
                    candidates.remove(category);
                    withheld.add(new WithheldCategory(category, "not permitted by " + name + " for " + request.purpose));
                }
            }
            reasons.add(new DecisionReason(AGREEMENT, true, name + " is in force between " + request.organisation + " and "
                    + request.recipient + " and covers " + request.purpose));
        } else if (emergency) {
            reasons.add(new DecisionReason(AGREEMENT, false, String.join("; ", facts.agreementGaps())
                    + "; emergency disclosure without an agreement, flagged for review"));
        } else if (statutoryReferral) {
            reasons.add(new DecisionReason(AGREEMENT, false, String.join("; ", facts.agreementGaps())
                    + "; a safeguarding referral to the local authority rests on its Care Act 2014 section 42 duty, "
                    + "not on an agreement"));
        } else {
            reasons.add(new DecisionReason(AGREEMENT, false, String.join("; ", facts.agreementGaps())));
            candidates.forEach(c -> withheld.add(new WithheldCategory(c, "no information sharing agreement covers this sharing")));
            candidates.clear();
        }
        if (!partiesActive && !emergency && !statutoryReferral) {
            candidates.forEach(c -> withheld.add(new WithheldCategory(c, "a party is not an active organisation")));
            candidates.clear();
        }

        // 2. Consent, category by category.
        ConsentRecord consent = facts.consent();
        Set<DataCategory> consented = EnumSet.noneOf(DataCategory.class);
        if (consent != null) {
            candidates.stream().filter(consent::permitsCategory).forEach(consented::add);
            reasons.add(new DecisionReason(CONSENT, !consented.isEmpty(), "consent " + consent.id + " recorded "
                    + consent.recordedAt + " covers " + (consented.isEmpty() ? "none of the categories requested" : consented)));
        } else {
            reasons.add(new DecisionReason(CONSENT, false, noConsent(facts)));
        }
        Set<DataCategory> needGround = EnumSet.noneOf(DataCategory.class);
        candidates.stream().filter(c -> !consented.contains(c)).forEach(needGround::add);

        // 3. A ground for sharing without consent, for what consent does not cover.
        Ground ground = request.ground != null ? request.ground : emergency ? Ground.VITAL_INTERESTS : null;
        boolean groundUsed = false;
        if (!needGround.isEmpty()) {
            String problem = ground == null ? "no ground for sharing without consent was given" : groundProblem(ground, facts);
            if (problem == null) {
                groundUsed = true;
                reasons.add(new DecisionReason(GROUND, true, ground + " made out for " + needGround + groundDetail(ground, facts)));
            } else {
                reasons.add(new DecisionReason(GROUND, false, problem));
                needGround.forEach(c -> withheld.add(new WithheldCategory(c, "not covered by the adult's consent, and "
                        + problem)));
            }
        }
        List<DataCategory> released = new ArrayList<>(consented);
        if (groundUsed) {
            released.addAll(needGround);
        }
        released.sort(null);

        // 4. The lawful basis for what is released.
        Decision.LawfulBasis basis = Decision.LawfulBasis.NONE;
        if (!released.isEmpty()) {
            basis = basis(released, terms, groundUsed ? ground : null);
            reasons.add(new DecisionReason(LAWFUL_BASIS, true, describe(basis)));
        }

        Outcome outcome;
        if (released.isEmpty()) {
            outcome = Outcome.REFUSED;
        } else if (groundUsed && !emergency && !statutoryReferral) {
            outcome = Outcome.PENDING_APPROVAL;
            reasons.add(new DecisionReason(APPROVAL, false, "sharing without consent needs approval by a safeguarding lead or "
                    + "Caldicott guardian of " + request.organisation));
        } else {
            outcome = Outcome.APPROVED;
            if (emergency && groundUsed) {
                reasons.add(new DecisionReason(APPROVAL, true, "emergency: approved at once, with a review afterwards; "
                        + request.organisation + "'s safeguarding lead and Caldicott guardian are told"));
            } else if (statutoryReferral && groundUsed) {
                reasons.add(new DecisionReason(APPROVAL, true, request.route + " to the local authority: the "
                        + "step that made it is the professional decision, recorded in the concern's history"));
            }
        }
        withheld.sort((a, b) -> a.category().compareTo(b.category()));
        return new Decision(outcome, List.copyOf(reasons), List.copyOf(released), List.copyOf(withheld), groundUsed,
                consented.isEmpty() ? null : consent.id, match, basis);
    }

    /** Null when an emergency may be honoured for this recipient; otherwise why not. */
    private static String emergencyProblem(DecisionFacts facts) {
        SharingRequest request = facts.request();
        KnownOrganisation to = facts.recipient();
        boolean nhsByAgreement = "NHS_TRUST".equals(to.type) && facts.agreement() != null
                && request.purpose == Purpose.PREVENT_DEATH_OR_SERIOUS_HARM;
        if (!to.emergencyService() && !to.localAuthority() && !nhsByAgreement) {
            return to.code + " (" + to.type + ") is neither the local authority nor an emergency service (police, ambulance, "
                    + "fire and rescue; an NHS trust only under an agreement in force for PREVENT_DEATH_OR_SERIOUS_HARM)";
        }
        if (!to.serves(facts.discloser().areaServed)) {
            return to.code + " does not serve " + (facts.discloser().areaServed == null ? "an area known for "
                    + facts.discloser().code : facts.discloser().areaServed) + ", the adult's area";
        }
        if (request.route == null && !substantive(request.emergencyJustification)) {
            return "an emergency needs the threat to life or of serious harm, and why consent or approval could not wait";
        }
        return null;
    }

    /** At least a sentence for each: what could happen, and why it could not wait. */
    public static boolean substantive(EmergencyJustification j) {
        return j != null && substantive(j.threat()) && substantive(j.whyItCouldNotWait());
    }

    private static boolean substantive(String text) {
        return text != null && text.strip().length() >= MIN_JUSTIFICATION && text.strip().split("\\s+").length >= 4;
    }

    private static String threat(SharingRequest request) {
        EmergencyJustification j = request.emergencyJustification;
        return j == null ? "raised as an emergency concern" : "threat: " + j.threat() + "; could not wait: " + j.whyItCouldNotWait();
    }

    private static List<DataCategory> sorted(Set<DataCategory> categories) {
        return categories.stream().sorted().toList();
    }

    private static boolean parties(DecisionFacts facts, List<DecisionReason> reasons, boolean notABar) {
        boolean ok = true;
        for (KnownOrganisation party : List.of(facts.discloser(), facts.recipient())) {
            if (!party.active()) {
                ok = false;
                reasons.add(new DecisionReason(PARTIES, false, party.code + " is not an active organisation (" + party.status + ")"
                        + (notABar ? "; " + (facts.request().emergency ? "emergency" : "safeguarding referral") + ", so not a bar" : "")));
            }
        }
        if (ok) {
            reasons.add(new DecisionReason(PARTIES, true, facts.discloser().code + " and " + facts.recipient().code + " are active"));
        }
        return ok;
    }

    private static String noConsent(DecisionFacts facts) {
        ConsentRecord last = facts.lastConsentDecision();
        SharingRequest request = facts.request();
        if (last == null) {
            return "no consent recorded for " + request.purpose + " to " + request.recipient;
        }
        return switch (last.decision) {
            case REFUSED -> "the adult refused consent for " + request.purpose + " (" + last.id + ", " + last.recordedAt + ")";
            case WITHDRAWN -> "the adult withdrew consent for " + request.purpose + " (" + last.id + ", " + last.recordedAt + ")";
            case NOT_SOUGHT -> "consent was not sought (" + last.notSoughtReason + ", " + last.id + ")";
            case LACKS_CAPACITY -> "the adult lacks capacity to consent (" + last.id + ")";
            case GIVEN -> last.expiresOn != null && facts.today().isAfter(last.expiresOn)
                    ? "consent " + last.id + " expired on " + last.expiresOn
                    : "consent " + last.id + " does not extend to " + request.recipient;
        };
    }

    /** Null when the ground is made out; otherwise what is missing. */
    private static String groundProblem(Ground ground, DecisionFacts facts) {
        SharingRequest request = facts.request();
        if (request.justification == null || request.justification.isBlank()) {
            return "no written justification was given for " + ground;
        }
        return switch (ground) {
            case VITAL_INTERESTS, RISK_TO_OTHERS, DURESS_OR_COERCION, STAFF_IMPLICATED -> null;
            case SERIOUS_CRIME_PUBLIC_INTEREST -> balancingProblem(request.publicInterest);
            case LACKS_CAPACITY -> facts.capacity() == null || facts.capacity().bestInterestsDecision == null
                    ? "LACKS_CAPACITY needs a recorded capacity assessment and best-interests decision for this adult" : null;
            case SAFEGUARDING_DUTY -> facts.recipient().localAuthority() ? null
                    : "SAFEGUARDING_DUTY is for referrals to the local authority, and " + request.recipient + " is not one";
            case LEGAL_DUTY -> request.legalDuty == null || request.legalDuty.type() == null
                    || request.legalDuty.reference() == null || request.legalDuty.reference().isBlank()
                    ? "LEGAL_DUTY needs the duty and its reference (e.g. the section 42 enquiry)" : null;
        };
    }

    private static String balancingProblem(PublicInterestBalancing b) {
        if (b == null || b.crimeOrHarmToPrevent() == null || b.seriousCrime() == null || b.likelihoodOfHarm() == null
                || b.consentSought() == null || b.lessIntrusiveMeansConsidered() == null
                || b.publicInterestOutweighsConfidentiality() == null) {
            return "SERIOUS_CRIME_PUBLIC_INTEREST needs the public-interest balancing answered in full";
        }
        if (!b.publicInterestOutweighsConfidentiality()) {
            return "the balancing recorded does not find that the public interest outweighs confidentiality";
        }
        if (!b.seriousCrime() && b.likelihoodOfHarm() == PublicInterestBalancing.Likelihood.LOW) {
            return "the balancing records neither a serious crime nor more than a low likelihood of harm";
        }
        return null;
    }

    private static String groundDetail(Ground ground, DecisionFacts facts) {
        SharingRequest request = facts.request();
        return switch (ground) {
            case LACKS_CAPACITY -> " (capacity assessment " + facts.capacity().capacityAssessmentReference
                    + ", best-interests decision by " + facts.capacity().bestInterestsDecidedBy + ")";
            case LEGAL_DUTY -> " (" + request.legalDuty.type() + " " + request.legalDuty.reference() + ")";
            case SERIOUS_CRIME_PUBLIC_INTEREST -> " (public interest outweighs confidentiality; likelihood of harm "
                    + request.publicInterest.likelihoodOfHarm() + ")";
            default -> "";
        };
    }

    private static Decision.LawfulBasis basis(List<DataCategory> released, ReplicatedTerms.PurposeTerms terms, Ground ground) {
        Article6Basis article6;
        if (ground == Ground.VITAL_INTERESTS) {
            article6 = Article6Basis.VITAL_INTERESTS_6_1_D;
        } else if (ground == Ground.SAFEGUARDING_DUTY) {
            article6 = Article6Basis.PUBLIC_TASK_6_1_E;
        } else if (ground == Ground.LEGAL_DUTY) {
            article6 = Article6Basis.LEGAL_OBLIGATION_6_1_C;
        } else if (terms != null && terms.article6Basis() != null) {
            article6 = terms.article6Basis();
        } else {
            article6 = ground == null ? Article6Basis.CONSENT_6_1_A : Article6Basis.PUBLIC_TASK_6_1_E;
        }
        Article9Condition article9 = null;
        Schedule1Condition schedule1 = null;
        if (released.stream().anyMatch(c -> c.specialCategory)) {
            if (ground == Ground.VITAL_INTERESTS) {
                article9 = Article9Condition.VITAL_INTERESTS_9_2_C;
            } else if (ground == Ground.SAFEGUARDING_DUTY) {
                article9 = Article9Condition.SUBSTANTIAL_PUBLIC_INTEREST_9_2_G;
                schedule1 = Schedule1Condition.SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18;
            } else if (terms != null && terms.article9Condition() != null) {
                article9 = terms.article9Condition();
                schedule1 = terms.schedule1Condition();
            } else if (ground != null) {
                article9 = Article9Condition.SUBSTANTIAL_PUBLIC_INTEREST_9_2_G;
                schedule1 = Schedule1Condition.SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18;
            } else {
                article9 = Article9Condition.EXPLICIT_CONSENT_9_2_A;
            }
        }
        Schedule1Condition criminal = null;
        if (released.stream().anyMatch(c -> c.criminalOffence)) {
            if (ground == Ground.SAFEGUARDING_DUTY) {
                criminal = Schedule1Condition.SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18;
            } else if (terms != null && terms.criminalOffenceCondition() != null) {
                criminal = terms.criminalOffenceCondition();
            } else if (ground == Ground.VITAL_INTERESTS) {
                criminal = Schedule1Condition.VITAL_INTERESTS_PART3_PARA_30;
            } else if (ground == Ground.SERIOUS_CRIME_PUBLIC_INTEREST) {
                criminal = Schedule1Condition.PREVENTING_OR_DETECTING_UNLAWFUL_ACTS_PART2_PARA_10;
            } else if (ground != null) {
                criminal = Schedule1Condition.SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18;
            } else {
                criminal = Schedule1Condition.CONSENT_PART3_PARA_29;
            }
        }
        return new Decision.LawfulBasis(article6, article9, schedule1, criminal);
    }

    private static String describe(Decision.LawfulBasis basis) {
        StringBuilder text = new StringBuilder("Article 6: ").append(basis.article6());
        if (basis.article9() != null) {
            text.append("; Article 9: ").append(basis.article9());
        }
        if (basis.schedule1() != null) {
            text.append("; Schedule 1: ").append(basis.schedule1());
        }
        if (basis.criminalOffence() != null) {
            text.append("; criminal offence data: ").append(basis.criminalOffence());
        }
        return text.toString();
    }
}
