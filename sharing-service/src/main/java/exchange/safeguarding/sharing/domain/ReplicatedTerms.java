package exchange.safeguarding.sharing.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.vocabulary.Article6Basis;
import exchange.safeguarding.kit.vocabulary.Article9Condition;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.kit.vocabulary.Schedule1Condition;

import java.time.LocalDate;
import java.util.List;

/** The parts of an agreement's terms that sharing decisions rest on. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReplicatedTerms(String title, List<Party> parties, List<PurposeTerms> purposes, LocalDate effectiveFrom,
                              LocalDate effectiveTo, LocalDate reviewDate) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Party(String organisation) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PurposeTerms(Purpose purpose, Article6Basis article6Basis, Article9Condition article9Condition,
                               Schedule1Condition schedule1Condition, Schedule1Condition criminalOffenceCondition,
                               List<DataCategory> dataCategories) {
    }

    public PurposeTerms purpose(Purpose purpose) {
        return purposes == null ? null : purposes.stream().filter(p -> p.purpose() == purpose).findFirst().orElse(null);
    }
}
