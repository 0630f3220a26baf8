package exchange.safeguarding.sharing.domain;

import exchange.safeguarding.kit.vocabulary.Purpose;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One adult's consent records at one organisation, newest first, and what they mean now. A given consent
 * stays in force until it expires, is withdrawn (by id, or by a withdrawal of its purposes), or a later
 * refusal for the purpose replaces it.
 */
public record ConsentHistory(List<ConsentRecord> newestFirst) {

    /** The consent in force for this purpose and recipient, or null. */
    public ConsentRecord inForce(Purpose purpose, String recipient, String recipientType, LocalDate today) {
        Set<UUID> withdrawn = new HashSet<>();
        boolean purposeClosed = false;
        for (ConsentRecord r : newestFirst) {
            if (r.decision == ConsentDecision.WITHDRAWN) {
                if (r.withdraws != null) {
                    withdrawn.add(r.withdraws);
                } else if (r.isAbout(purpose)) {
                    purposeClosed = true;
                }
            } else if (r.decision == ConsentDecision.REFUSED && r.isAbout(purpose)) {
                purposeClosed = true;
            } else if (!purposeClosed && r.decision == ConsentDecision.GIVEN && !withdrawn.contains(r.id)
                    && r.permits(purpose, recipient, recipientType, today)) {
                return r;
            }
        }
        return null;
    }

    /** The newest decision about this purpose, whatever it was. */
    public ConsentRecord latestAbout(Purpose purpose) {
        return newestFirst.stream().filter(r -> r.isAbout(purpose)).findFirst().orElse(null);
    }

    /** The newest lacks-capacity record (with its best-interests decision). */
    public ConsentRecord capacity() {
        return newestFirst.stream().filter(r -> r.decision == ConsentDecision.LACKS_CAPACITY).findFirst().orElse(null);
    }

    /** Given consents still in force (not withdrawn or replaced), whatever their purpose. */
    public List<ConsentRecord> givenInForce(LocalDate today) {
        return newestFirst.stream().filter(r -> r.decision == ConsentDecision.GIVEN)
                .filter(r -> r.purposes.stream().anyMatch(p -> inForce(Purpose.valueOf(p), r, today)))
                .toList();
    }

    private boolean inForce(Purpose purpose, ConsentRecord candidate, LocalDate today) {
        for (ConsentRecord r : newestFirst) {
            if (r == candidate) {
                return candidate.expiresOn == null || !today.isAfter(candidate.expiresOn);
            }
            if ((r.decision == ConsentDecision.WITHDRAWN && (candidate.id.equals(r.withdraws) || (r.withdraws == null && r.isAbout(purpose))))
                    || (r.decision == ConsentDecision.REFUSED && r.isAbout(purpose))) {
                return false;
            }
        }
        return false;
    }
}
