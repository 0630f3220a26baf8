package exchange.safeguarding.sharing.domain;

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
 */
public record DecisionFacts(SharingRequest request, KnownOrganisation discloser, KnownOrganisation recipient,
                            AgreementVersionReplica agreement, List<String> agreementGaps, ConsentRecord consent,
                            ConsentRecord lastConsentDecision, ConsentRecord capacity, LocalDate today) {
}
