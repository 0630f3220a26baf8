package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.agreement.AgreementChange;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgreementChangeRepository implements PanacheRepositoryBase<AgreementChange, Long> {

    public List<AgreementChange> of(UUID agreementId) {
        return list("agreementId", Sort.ascending("id"), agreementId);
    }
}
