package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.KnownOrganisation;
import exchange.safeguarding.concern.repository.KnownOrganisationRepository;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

/** Keeps this service's copy of partner organisations (type, area, escalation route) from their events. */
@ApplicationScoped
public class OrganisationReplica {

    /** The part of an organisation event this service needs. */
    record OrganisationSnapshot(String code, String name, String type, String areaServed, String status,
                                List<KnownOrganisation.RouteStep> escalationRoute) {
    }

    private final KnownOrganisationRepository organisations;
    private final EventCodec codec;
    private final Clock clock;

    public OrganisationReplica(KnownOrganisationRepository organisations, EventCodec codec, Clock clock) {
        this.organisations = organisations;
        this.codec = codec;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!event.type().startsWith("organisation.") || event.type().startsWith("organisation.gateway-")) {
            return;
        }
        OrganisationSnapshot snapshot = codec.data(event, OrganisationSnapshot.class);
        if (snapshot.code() == null || snapshot.type() == null) {
            return;
        }
        KnownOrganisation organisation = organisations.findById(snapshot.code());
        if (organisation == null) {
            organisation = new KnownOrganisation();
            organisation.code = snapshot.code();
        }
        organisation.name = snapshot.name();
        organisation.type = snapshot.type();
        organisation.areaServed = snapshot.areaServed();
        organisation.status = snapshot.status() == null ? "INCOMPLETE" : snapshot.status();
        organisation.escalationRoute = snapshot.escalationRoute();
        organisation.updatedAt = clock.instant();
        organisations.persist(organisation);
    }
}
