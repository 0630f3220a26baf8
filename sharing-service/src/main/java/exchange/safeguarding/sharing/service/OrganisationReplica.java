package exchange.safeguarding.sharing.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.sharing.domain.KnownOrganisation;
import exchange.safeguarding.sharing.repository.KnownOrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** Keeps the replica of partner organisations (and their standing) that sharing decisions are made against. */
@ApplicationScoped
public class OrganisationReplica {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrganisationSnapshot(String code, String name, String type, String areaServed, String status) {
    }

    private final KnownOrganisationRepository organisations;
    private final ReplicaCache cache;
    private final EventCodec codec;
    private final Clock clock;

    public OrganisationReplica(KnownOrganisationRepository organisations, ReplicaCache cache, EventCodec codec, Clock clock) {
        this.organisations = organisations;
        this.cache = cache;
        this.codec = codec;
        this.clock = clock;
    }

    /** A partner organisation as last announced (read only), or null. */
    public KnownOrganisation find(String code) {
        return cache.get("organisation:" + code, () -> organisations.findById(code));
    }

    /** Every organisation.* event but gateway-configured carries the whole organisation. */
    public static boolean carriesOrganisation(String type) {
        return type.startsWith("organisation.") && !type.startsWith("organisation.gateway-configured");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        OrganisationSnapshot snapshot = codec.data(event, OrganisationSnapshot.class);
        KnownOrganisation organisation = organisations.findById(snapshot.code());
        if (organisation == null) {
            organisation = new KnownOrganisation();
            organisation.code = snapshot.code();
        }
        organisation.name = snapshot.name();
        organisation.type = snapshot.type();
        organisation.areaServed = snapshot.areaServed();
        if (snapshot.status() != null) {
            organisation.status = snapshot.status();
        }
        organisation.updatedAt = clock.instant();
        organisations.persist(organisation);
        cache.changed();
    }
}
