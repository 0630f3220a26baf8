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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@ApplicationScoped
public class ConsentRecordRepository implements PanacheRepositoryBase<ConsentRecord, UUID> {

    public List<ConsentRecord> heldBy(String organisation, int page, int size) {
        if (Paging.beyondEnd(page, size)) {
            return List.of();
        }
        return find("organisation", Sort.descending("recordedAt"), organisation).page(Page.of(page, size)).list();
    }

    /**
     * Every record the organisation holds about the adult, newest first: candidates by each identifier given, then
     * matched. Only the identifiers present go into the query, so each shape is translated once and cached.
     */
    public ConsentHistory history(String organisation, AdultReference adult) {
        List<String> any = new ArrayList<>();
        Parameters parameters = Parameters.with("organisation", organisation);
        if (adult.personId() != null) {
            any.add("adultPersonId = :personId");
            parameters.and("personId", adult.personId());
        }
        if (adult.nhsNumber() != null) {
            any.add("adultNhsNumber = :nhsNumber");
            parameters.and("nhsNumber", adult.nhsNumber());
        }
        if (adult.familyName() != null && adult.dateOfBirth() != null) {
            // Lower-cased here: a parameter inside lower() made Hibernate translate the query on every call.
            any.add("(lower(adultFamilyName) = :familyName and adultDateOfBirth = :dateOfBirth)");
            parameters.and("familyName", adult.familyName().toLowerCase(Locale.ROOT)).and("dateOfBirth", adult.dateOfBirth());
        }
        if (any.isEmpty()) {
            return new ConsentHistory(List.of());
        }
        List<ConsentRecord> candidates = find("organisation = :organisation and (" + String.join(" or ", any) + ")",
                Sort.descending("recordedAt").and("id"), parameters).list();
        return new ConsentHistory(candidates.stream().filter(adult::matches).toList());
    }
}
