package exchange.safeguarding.notification.repository;

import exchange.safeguarding.notification.domain.GatewayEndpoint;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GatewayEndpointRepository implements PanacheRepositoryBase<GatewayEndpoint, String> {
}
