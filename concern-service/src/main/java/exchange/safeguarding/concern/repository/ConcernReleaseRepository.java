package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.ConcernRelease;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ConcernReleaseRepository implements PanacheRepositoryBase<ConcernRelease, UUID> {

    /** The decisions about sharing the concern with the organisation, oldest first. */
    public List<ConcernRelease> of(UUID concernId, String organisation) {
        return list("concernId = ?1 and organisation = ?2", Sort.ascending("decidedAt"), concernId, organisation);
    }

    /** The same for a page of concerns, in one query. */
    public Map<UUID, List<ConcernRelease>> ofAll(Collection<UUID> concernIds, String organisation) {
        if (concernIds.isEmpty()) {
            return Map.of();
        }
        return list("concernId in ?1 and organisation = ?2", Sort.ascending("decidedAt"), concernIds, organisation).stream()
                .collect(Collectors.groupingBy(r -> r.concernId));
    }
}
