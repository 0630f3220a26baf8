package exchange.safeguarding.sharing.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.sharing.domain.AgreementVersionReplica;
import exchange.safeguarding.sharing.domain.ReplicatedTerms;
import exchange.safeguarding.sharing.repository.AgreementReplicaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps every agreement version as agreement-service announces it, and answers which version (if any)
 * covers two organisations sharing for a purpose today, without calling agreement-service.
 */
@ApplicationScoped
public class AgreementReplica {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AgreementSnapshot(UUID agreementId, String reference, UUID versionId, int version, String status,
                             ReplicatedTerms terms) {
    }

    public record Cover(AgreementVersionReplica version, List<String> gaps) {
    }

    private final AgreementReplicaRepository versions;
    private final ReplicaCache cache;
    private final EventCodec codec;
    private final Clock clock;

    public AgreementReplica(AgreementReplicaRepository versions, ReplicaCache cache, EventCodec codec, Clock clock) {
        this.versions = versions;
        this.cache = cache;
        this.codec = codec;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        AgreementSnapshot snapshot = codec.data(event, AgreementSnapshot.class);
        AgreementVersionReplica version = versions.findById(snapshot.versionId());
        boolean created = version == null;
        if (created) {
            version = new AgreementVersionReplica();
            version.versionId = snapshot.versionId();
        }
        version.agreementId = snapshot.agreementId();
        version.reference = snapshot.reference();
        version.version = snapshot.version();
        version.status = snapshot.status();
        version.terms = snapshot.terms();
        version.effectiveFrom = snapshot.terms().effectiveFrom();
        version.effectiveTo = snapshot.terms().effectiveTo();
        version.updatedAt = clock.instant();
        versions.persist(version);
        versions.flush();
        if (created) {
            versions.replaceParties(version.versionId, snapshot.terms().parties().stream()
                    .map(ReplicatedTerms.Party::organisation).distinct().toList());
        }
        cache.changed();
    }

    /** The version in force today naming both and covering the purpose; the one permitting most wins. */
    public Cover cover(String from, String to, Purpose purpose) {
        return cache.get("cover:" + from + "|" + to + "|" + purpose, () -> lookUp(from, to, purpose));
    }

    private Cover lookUp(String from, String to, Purpose purpose) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        List<AgreementVersionReplica> candidates = versions.namingBoth(from, to);
        List<String> gaps = new ArrayList<>();
        if (candidates.isEmpty()) {
            gaps.add("no information sharing agreement names both " + from + " and " + to);
        }
        AgreementVersionReplica best = null;
        for (AgreementVersionReplica v : candidates) {
            String name = v.reference + " version " + v.version;
            if (!v.inForce(today)) {
                if (!"SUPERSEDED".equals(v.status)) {
                    gaps.add(name + " is not in force (" + v.status + ")");
                }
            } else if (v.terms.purpose(purpose) == null) {
                gaps.add(name + " does not cover the purpose " + purpose);
            } else if (best == null || v.terms.purpose(purpose).dataCategories().size()
                    > best.terms.purpose(purpose).dataCategories().size()) {
                best = v;
            }
        }
        if (gaps.isEmpty() && best == null) {
            gaps.add("no agreement between " + from + " and " + to + " is in force");
        }
        return new Cover(best, best == null ? gaps : List.of());
    }
}
