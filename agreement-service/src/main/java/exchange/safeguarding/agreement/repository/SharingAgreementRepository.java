package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SharingAgreementRepository implements PanacheRepositoryBase<SharingAgreement, UUID> {
}
