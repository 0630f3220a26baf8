package exchange.safeguarding.sharing.repository;

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
        return find("organisation", Sort.descending("recordedAt"), organisation).page(Page.of(page, size)).list();
    }
}
