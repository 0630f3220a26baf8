package exchange.safeguarding.concern.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernRelease;
import exchange.safeguarding.concern.repository.ConcernReleaseRepository;
import exchange.safeguarding.concern.repository.ConcernRepository;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The one gate, seen from concern-service: keeps each sharing decision sharing-service makes about a concern, so
 * that what an organisation the concern reached reads of it is what the decisions released to it. A decision gives
 * no sight of the concern itself: an organisation it was disclosed to, but that need not act on it, reads the
 * disclosure in sharing-service.
 */
@ApplicationScoped
public class ConcernReleases {

    static final Set<String> DECISIONS = Set.of("sharing.approved.v1", "sharing.refused.v1", "sharing.pending-approval.v1");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Withheld(String category, String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Decided(UUID requestId, String organisation, String recipient, UUID concernId, String outcome, String route,
                   List<String> released, List<Withheld> withheldBecause, Instant decidedAt) {
    }

    private final ConcernRepository concerns;
    private final ConcernReleaseRepository releases;
    private final EventCodec codec;

    public ConcernReleases(ConcernRepository concerns, ConcernReleaseRepository releases, EventCodec codec) {
        this.concerns = concerns;
        this.releases = releases;
        this.codec = codec;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!DECISIONS.contains(event.type())) {
            return;
        }
        Decided d = codec.data(event, Decided.class);
        if (d.concernId() == null || d.requestId() == null || d.recipient() == null) {
            return;
        }
        Concern concern = concerns.findById(d.concernId());
        if (concern == null || d.recipient().equals(concern.organisation)) {
            // Not a concern of ours, or its own organisation: that reads its own record.
            return;
        }
        ConcernRelease release = releases.findById(d.requestId());
        if (release == null) {
            release = new ConcernRelease();
            release.requestId = d.requestId();
            release.concernId = d.concernId();
            release.organisation = d.recipient();
        } else if (release.decidedAt.isAfter(d.decidedAt())) {
            return;
        }
        release.outcome = d.outcome();
        release.route = d.route();
        release.released = d.released() == null ? new String[0] : d.released().toArray(String[]::new);
        release.withheld = d.withheldBecause() == null ? List.of()
                : d.withheldBecause().stream().map(w -> new ConcernRelease.Withheld(w.category(), w.reason())).toList();
        release.decidedAt = d.decidedAt();
        releases.persist(release);
    }
}
