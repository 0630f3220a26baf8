package exchange.safeguarding.notification.repository;

import exchange.safeguarding.notification.domain.DeliveryAttempt;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepositoryBase<DeliveryAttempt, Long> {

    public List<DeliveryAttempt> of(UUID deliveryId) {
        return list("deliveryId", Sort.ascending("attempt"), deliveryId);
    }
}
