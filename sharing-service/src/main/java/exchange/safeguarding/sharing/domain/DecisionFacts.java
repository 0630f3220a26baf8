package exchange.safeguarding.sharing.domain;

import exchange.safeguarding.kit.vocabulary.DataCategory;

import java.util.Set;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything a sharing decision rests on, gathered before the rules run so the rules themselves touch no
 * database and can be reasoned about (and tested) alone.
 *
 * @param agreement      the agreement version in force covering both parties and the purpose, or null
 * @param agreementGaps  why no agreement covers it, when none does
 * @param consent        the adult's consent in force for this purpose and recipient, or null
 * @param lastConsentDecision the most recent consent decision about this purpose (refused, withdrawn ...), or null
 * @param capacity       the latest lacks-capacity record with its best-interests decision, or null
 * @param emergencyCategories what an emergency may release at once (configured)
 * @param held           the categories of the concern the discloser holds because a decision released them to it; null
 *                       when the discloser raised the concern (or no concern is named): its own record is all its own
 */
public record DecisionFacts(SharingRequest request, KnownOrganisation discloser, KnownOrganisation recipient,
                            AgreementVersionReplica agreement, List<String> agreementGaps, ConsentRecord consent,
                            ConsentRecord lastConsentDecision, ConsentRecord capacity, LocalDate today,
                            Set<DataCategory> emergencyCategories, Set<DataCategory> held) {

    public static final Set<DataCategory> DEFAULT_EMERGENCY_CATEGORIES = Set.of(DataCategory.IDENTITY,
            DataCategory.CONTACT, DataCategory.CONCERN_SUMMARY, DataCategory.RISK_INFORMATION);

    /** The discloser's own record, with the default emergency categories. */
    public DecisionFacts(SharingRequest request, KnownOrganisation discloser, KnownOrganisation recipient,
                         AgreementVersionReplica agreement, List<String> agreementGaps, ConsentRecord consent,
                         ConsentRecord lastConsentDecision, ConsentRecord capacity, LocalDate today) {
        this(request, discloser, recipient, agreement, agreementGaps, consent, lastConsentDecision, capacity, today,
                DEFAULT_EMERGENCY_CATEGORIES, null);
    }
}
