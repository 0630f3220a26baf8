package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.kit.persistence.Paging;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.ConsentHistory;
import exchange.safeguarding.sharing.domain.ConsentRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    public List<ConsentRecord> heldBy(String organisation, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        return find("organisation", Sort.descending("recordedAt"), organisation).page(Page.of(page, size)).list();
    }

    /** Every record the organisation holds about the adult, newest first. */
    public ConsentHistory history(String organisation, AdultReference adult) {
        return new ConsentHistory(AdultCandidates.of(adult, Parameters.with("organisation", organisation))
                .map(candidates -> find("organisation = :organisation and " + candidates.condition(),
                        Sort.descending("recordedAt").and("id"), candidates.parameters()).list())
                .orElse(List.of()).stream().filter(adult::matches).toList());
    }
}
