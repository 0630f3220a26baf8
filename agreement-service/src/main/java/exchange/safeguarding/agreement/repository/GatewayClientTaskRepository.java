package exchange.safeguarding.agreement.repository;

import exchange.safeguarding.agreement.domain.GatewayClientTask;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class GatewayClientTaskRepository implements PanacheRepositoryBase<GatewayClientTask, Long> {

    /** The oldest due task whose organisation has no older unfinished task, locked for this worker. */
    public Optional<GatewayClientTask> claimNextDue(Instant now) {
        return getEntityManager().createNativeQuery("""
                        select * from gateway_client_task t
                        where t.done_at is null and t.next_attempt_at <= :now
                          and not exists (select 1 from gateway_client_task earlier
                                          where earlier.organisation = t.organisation and earlier.done_at is null
                                            and earlier.id < t.id)
                        order by t.id limit 1 for update skip locked""", GatewayClientTask.class)
                .setParameter("now", now)
                .getResultStream().findFirst();
    }
}
