package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.agreement.AgreementSignature;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgreementSignatureRepository implements PanacheRepositoryBase<AgreementSignature, Long> {

    public List<AgreementSignature> of(UUID versionId) {
        return list("versionId", Sort.ascending("signedAt"), versionId);
    }
}
