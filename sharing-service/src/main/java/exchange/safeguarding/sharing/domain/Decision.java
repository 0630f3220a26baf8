package exchange.safeguarding.sharing.domain;

import exchange.safeguarding.kit.vocabulary.Article6Basis;
import exchange.safeguarding.kit.vocabulary.Article9Condition;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Schedule1Condition;

import java.util.List;
import java.util.UUID;

/** What the rules decided, with every reason, the categories released and withheld, and the lawful basis. */
public record Decision(Outcome outcome, List<DecisionReason> reasons, List<DataCategory> released,
                       List<WithheldCategory> withheld, boolean withoutConsent, UUID consentRecordId,
                       AgreementMatch agreement, LawfulBasis basis) {

    /** The agreement version that covers the sharing. */
    public record AgreementMatch(UUID agreementId, String reference, UUID versionId, int version) {
    }

    public record LawfulBasis(Article6Basis article6, Article9Condition article9, Schedule1Condition schedule1,
                              Schedule1Condition criminalOffence) {
        public static final LawfulBasis NONE = new LawfulBasis(null, null, null, null);
    }
}
