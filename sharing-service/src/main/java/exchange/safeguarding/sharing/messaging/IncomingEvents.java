package exchange.safeguarding.sharing.messaging;

import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.inbox.EventConsumption;
import exchange.safeguarding.sharing.service.AgreementReplica;
import exchange.safeguarding.sharing.service.AccessLog;
import exchange.safeguarding.sharing.service.ConcernReplicaUpdates;
import exchange.safeguarding.sharing.service.OrganisationReplica;
import exchange.safeguarding.sharing.service.WithdrawalNotices;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every topic this service listens to; each event is applied once (inbox), failures go to the dead-letter topic. */
@ApplicationScoped
public class IncomingEvents {

    private final EventConsumption consumption;
    private final OrganisationReplica organisations;
    private final AgreementReplica agreements;
    private final ConcernReplicaUpdates concerns;
    private final WithdrawalNotices notices;
    private final AccessLog accessLog;

    public IncomingEvents(EventConsumption consumption, OrganisationReplica organisations, AgreementReplica agreements,
                          ConcernReplicaUpdates concerns, WithdrawalNotices notices, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.consumption = consumption;
        this.organisations = organisations;
        this.agreements = agreements;
        this.concerns = concerns;
        this.notices = notices;
    }

    @Incoming("agreements")
    @Blocking
    public void agreements(String message) {
        consumption.consume("agreement-replica", message, this::applyAgreementTopic);
    }

    @Incoming("concerns")
    @Blocking
    public void concerns(String message) {
        // Replica, route decisions, and the reads concern-service announces (the access log).
        consumption.consume("concern-replica", message, event -> {
            concerns.apply(event);
            accessLog.apply(event);
        });
    }

    @Incoming("notifications")
    @Blocking
    public void notifications(String message) {
        consumption.consume("withdrawal-notices", message, notices::apply);
    }

    private void applyAgreementTopic(CloudEvent event) {
        if (OrganisationReplica.carriesOrganisation(event.type())) {
            organisations.apply(event);
        } else if (event.type().startsWith("agreement.")) {
            agreements.apply(event);
        }
    }
}
