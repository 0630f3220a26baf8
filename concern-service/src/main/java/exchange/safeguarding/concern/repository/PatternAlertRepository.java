package exchange.safeguarding.concern.repository;

import exchange.safeguarding.concern.domain.PatternAlert;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PatternAlertRepository implements PanacheRepositoryBase<PatternAlert, UUID> {

    public Optional<PatternAlert> openFor(PatternAlert.Rule rule, String subjectKey) {
        return find("rule = ?1 and subjectKey = ?2 and status = ?3", rule, subjectKey, PatternAlert.Status.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<PatternAlert> forLocalAuthority(String organisation) {
        return list("localAuthority", Sort.descending("detectedAt"), organisation);
    }
}
