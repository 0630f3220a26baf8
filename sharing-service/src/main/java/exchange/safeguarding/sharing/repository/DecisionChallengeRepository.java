package exchange.safeguarding.sharing.repository;

import exchange.safeguarding.sharing.domain.DecisionChallenge;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DecisionChallengeRepository implements PanacheRepositoryBase<DecisionChallenge, UUID> {

    public List<DecisionChallenge> of(UUID requestId) {
        return list("requestId", Sort.ascending("raisedAt"), requestId);
    }
}
