package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.kit.persistence.Paging;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.ConsentHistory;
import exchange.safeguarding.sharing.domain.ConsentRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
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

    /** Every record the organisation holds about the adult, newest first (candidates by any identifier, then matched). */
    public ConsentHistory history(String organisation, AdultReference adult) {
        List<ConsentRecord> candidates = find("""
                        organisation = ?1 and (adultPersonId = ?2 or adultNhsNumber = ?3
                          or (lower(adultFamilyName) = lower(?4) and adultDateOfBirth = ?5))""",
                Sort.descending("recordedAt").and("id"), organisation, adult.personId(), adult.nhsNumber(),
                adult.familyName() == null ? "" : adult.familyName(), adult.dateOfBirth()).list();
        return new ConsentHistory(candidates.stream().filter(adult::matches).toList());
    }
}
