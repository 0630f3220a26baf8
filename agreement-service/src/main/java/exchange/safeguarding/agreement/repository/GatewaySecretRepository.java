package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.GatewaySecret;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class GatewaySecretRepository implements PanacheRepositoryBase<GatewaySecret, UUID> {

    /** Secrets that still sign at {@code at}, newest first. */
    public List<GatewaySecret> validFor(String organisation, Instant at) {
        return list("organisation = ?1 and (notAfter is null or notAfter > ?2)", Sort.descending("createdAt"), organisation, at);
    }
}
