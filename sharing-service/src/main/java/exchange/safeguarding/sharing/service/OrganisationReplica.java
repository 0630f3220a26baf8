package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.sharing.domain.KnownOrganisation;
import exchange.safeguarding.sharing.repository.KnownOrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;

/** Keeps the replica of partner organisations that sharing decisions are made against. */
@ApplicationScoped
public class OrganisationReplica {

    public static final String REGISTERED = "organisation.registered.v1";

    record OrganisationRegistered(String code, String name, String type) {
    }

    private final KnownOrganisationRepository organisations;
    private final EventCodec codec;

    public OrganisationReplica(KnownOrganisationRepository organisations, EventCodec codec) {
        this.organisations = organisations;
        this.codec = codec;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!REGISTERED.equals(event.type())) {
            return;
        }
        OrganisationRegistered registered = codec.data(event, OrganisationRegistered.class);
        KnownOrganisation organisation = organisations.findById(registered.code());
        if (organisation == null) {
            organisation = new KnownOrganisation();
            organisation.code = registered.code();
        }
        organisation.name = registered.name();
        organisation.type = registered.type();
        organisation.updatedAt = Instant.now();
        organisations.persist(organisation);
    }
}
