package exchange.safeguarding.sharing.repository;

import java.util.Set;
import java.util.EnumSet;
import exchange.safeguarding.sharing.domain.Route;
import exchange.safeguarding.sharing.domain.Outcome;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.persistence.Paging;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.SharingRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SharingRequestRepository implements PanacheRepositoryBase<SharingRequest, UUID> {

    /** Every decision the organisation made about the adult, to share or not, oldest first. */
    public List<SharingRequest> aboutAdult(String organisation, AdultReference adult) {
        return AdultCandidates.of(adult, Parameters.with("organisation", organisation))
                .map(candidates -> find("organisation = :organisation and " + candidates.condition(),
                        Sort.ascending("requestedAt"), candidates.parameters()).list())
                .orElse(List.of()).stream().filter(adult::matches).toList();
    }

    public List<SharingRequest> madeBy(String organisation, String outcome, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        // A whistleblowing concern's routing is not the raising organisation's to see (decision 18).
        return outcome == null
                ? find("organisation = ?1 and confidential = false", Sort.descending("requestedAt"), organisation)
                .page(Page.of(page, size)).list()
                : find("organisation = ?1 and outcome = ?2 and confidential = false", Sort.descending("requestedAt"), organisation,
                exchange.safeguarding.sharing.domain.Outcome.valueOf(outcome)).page(Page.of(page, size)).list();
    }

    /** Every category of the concern that approved decisions released to the organisation. */
    public Set<DataCategory> releasedTo(UUID concernId, String organisation) {
        Set<DataCategory> held = EnumSet.noneOf(DataCategory.class);
        find("concernId = ?1 and recipient = ?2 and outcome = ?3", concernId, organisation, Outcome.APPROVED).list()
                .forEach(r -> held.addAll(r.releasedCategories));
        return held;
    }

    /** Whether the platform already asked on this route of the concern to this recipient (an event applied twice). */
    public boolean decidedOnRoute(UUID concernId, String recipient, Route route) {
        return !find("concernId = ?1 and recipient = ?2 and route = ?3", concernId, recipient, route).page(0, 1).list().isEmpty();
    }

    /** The organisation's emergency requests (honoured or not), newest first: for its lead and Caldicott guardian. */
    public List<SharingRequest> emergenciesBy(String organisation, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        return find("organisation = ?1 and emergency = true and confidential = false", Sort.descending("requestedAt"), organisation)
                .page(Page.of(page, size)).list();
    }

    public List<SharingRequest> aboutPersons(Collection<UUID> personIds) {
        return list("adultPersonId in ?1", Sort.ascending("requestedAt"), personIds);
    }

    public List<SharingRequest> underConsents(Collection<UUID> consentIds) {
        return list("consentRecordId in ?1", consentIds);
    }
}
