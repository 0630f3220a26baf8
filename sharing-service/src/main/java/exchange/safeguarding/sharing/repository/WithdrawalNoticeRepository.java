package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.WithdrawalNotice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WithdrawalNoticeRepository implements PanacheRepositoryBase<WithdrawalNotice, UUID> {

    public List<WithdrawalNotice> ofWithdrawal(UUID withdrawalId) {
        return list("withdrawalId", Sort.ascending("recipient"), withdrawalId);
    }

    public WithdrawalNotice byEvent(String eventId) {
        return find("eventId", eventId).firstResult();
    }
}
