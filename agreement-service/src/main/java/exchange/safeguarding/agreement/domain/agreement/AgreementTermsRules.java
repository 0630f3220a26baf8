package exchange.safeguarding.agreement.domain.agreement;

import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.kit.vocabulary.Article6Basis;
import exchange.safeguarding.kit.vocabulary.Article9Condition;

import exchange.safeguarding.kit.problem.Problem.FieldError;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules a lawful agreement's terms must meet beyond their shape: real and distinct parties, a lawful
 * basis per purpose, the Article 9 / Schedule 1 / Article 10 conditions its categories need, and dates
 * that make sense. Every broken rule is reported with the field it concerns.
 */
public final class AgreementTermsRules {

    private AgreementTermsRules() {
    }

    public static List<FieldError> check(AgreementTerms terms, Predicate<String> registeredOrganisation) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < terms.parties().size(); i++) {
            String code = terms.parties().get(i).organisation();
            if (!seen.add(code)) {
                errors.add(new FieldError("parties[" + i + "].organisation", "names " + code + " twice"));
            } else if (!registeredOrganisation.test(code)) {
                errors.add(new FieldError("parties[" + i + "].organisation", code + " is not a registered organisation"));
            }
        }
        if (seen.size() < 2) {
            errors.add(new FieldError("parties", "an agreement needs at least two different organisations"));
        }
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        for (int i = 0; i < terms.purposes().size(); i++) {
            AgreementTerms.PurposeTerms purpose = terms.purposes().get(i);
            String at = "purposes[" + i + "]";
            if (!purposes.add(purpose.purpose())) {
                errors.add(new FieldError(at + ".purpose", purpose.purpose() + " appears twice"));
            }
            boolean special = purpose.dataCategories().stream().anyMatch(c -> c.specialCategory);
            boolean criminal = purpose.dataCategories().stream().anyMatch(c -> c.criminalOffence);
            if (special && purpose.article9Condition() == null) {
                errors.add(new FieldError(at + ".article9Condition",
                        "special category data (health, care and support needs) needs an Article 9(2) condition"));
            }
            if (!special && purpose.article9Condition() != null) {
                errors.add(new FieldError(at + ".article9Condition", "is only for special category data, which this purpose does not include"));
            }
            if (special && purpose.article9Condition() != null && purpose.article9Condition().needsSchedule1Condition()
                    && purpose.schedule1Condition() == null) {
                errors.add(new FieldError(at + ".schedule1Condition",
                        purpose.article9Condition() + " needs a DPA 2018 Schedule 1 condition"));
            }
            if (criminal && purpose.criminalOffenceCondition() == null) {
                errors.add(new FieldError(at + ".criminalOffenceCondition",
                        "criminal offence data needs an Article 10 condition (DPA 2018 Schedule 1)"));
            }
            if (purpose.article6Basis() == Article6Basis.CONSENT_6_1_A && special
                    && purpose.article9Condition() != Article9Condition.EXPLICIT_CONSENT_9_2_A) {
                // Not unlawful, but consent-based sharing of health data must rest on explicit consent.
                errors.add(new FieldError(at + ".article9Condition",
                        "with consent as the Article 6 basis, special category data needs explicit consent (9(2)(a))"));
            }
            if (new HashSet<>(purpose.dataCategories()).size() != purpose.dataCategories().size()) {
                errors.add(new FieldError(at + ".dataCategories", "lists a category twice"));
            }
        }
        try {
            Period retention = Period.parse(terms.retentionPeriod());
            if (retention.isNegative() || retention.isZero()) {
                errors.add(new FieldError("retentionPeriod", "must be a positive period"));
            }
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("retentionPeriod", "must be an ISO-8601 period such as P6Y"));
        }
        if (!terms.reviewDate().isAfter(terms.effectiveFrom())) {
            errors.add(new FieldError("reviewDate", "must be after effectiveFrom"));
        }
        if (terms.effectiveTo() != null && !terms.effectiveTo().isAfter(terms.effectiveFrom())) {
            errors.add(new FieldError("effectiveTo", "must be after effectiveFrom"));
        }
        return errors;
    }
}
