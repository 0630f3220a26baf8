package exchange.safeguarding.agreement.domain.agreement;

import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Article6Basis;
import exchange.safeguarding.kit.vocabulary.Article9Condition;
import exchange.safeguarding.kit.vocabulary.Schedule1Condition;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an information sharing agreement says (the ICO data sharing code's contents). One version's terms
 * never change once anyone has signed them; an amendment is a new version.
 */
public record AgreementTerms(
        String title,
        List<Party> parties,
        List<PurposeTerms> purposes,
        String retentionPeriod,
        String retentionAndDeletion,
        String security,
        String dataQuality,
        String dpiaReference,
        String subjectRightsContact,
        String breachContact,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        LocalDate reviewDate) {

    public record Party(String organisation, ControllerRelationship controllerRelationship) {
    }

    /** For one purpose: its lawful basis, the conditions its categories need, and what may be shared. */
    public record PurposeTerms(Purpose purpose, Article6Basis article6Basis, Article9Condition article9Condition,
                               Schedule1Condition schedule1Condition, Schedule1Condition criminalOffenceCondition,
                               List<DataCategory> dataCategories) {
    }

    public Set<String> partyCodes() {
        Set<String> codes = new LinkedHashSet<>();
        parties.forEach(p -> codes.add(p.organisation()));
        return codes;
    }

    public boolean hasParty(String organisation) {
        return parties.stream().anyMatch(p -> p.organisation().equals(organisation));
    }

    public PurposeTerms purpose(Purpose purpose) {
        return purposes.stream().filter(p -> p.purpose() == purpose).findFirst().orElse(null);
    }
}
