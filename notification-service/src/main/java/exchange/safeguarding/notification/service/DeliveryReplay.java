package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.kit.signal.AfterCommit;
import exchange.safeguarding.notification.domain.Delivery;
import exchange.safeguarding.notification.domain.DeliveryStatus;
import exchange.safeguarding.notification.domain.GatewayEndpoint;
import exchange.safeguarding.notification.repository.DeliveryRepository;
import exchange.safeguarding.notification.repository.GatewayEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Operators' and agencies' levers after an outage: send one message again, or everything since a time, with
 * the same webhook-ids (receivers de-duplicate); and re-enable an endpoint that answered 410.
 */
@ApplicationScoped
public class DeliveryReplay {

    /** One replay-all touches at most this many deliveries; the caller repeats with a later "since". */
    public static final int MAX_REPLAY = 1_000;

    private final DeliveryRepository deliveries;
    private final GatewayEndpointRepository endpoints;
    private final DispatchSignal signal;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public DeliveryReplay(DeliveryRepository deliveries, GatewayEndpointRepository endpoints, DispatchSignal signal,
                          TransactionSynchronizationRegistry transactions, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.signal = signal;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional
    public Delivery replay(Caller caller, UUID id) {
        Delivery delivery = deliveries.findById(id);
        if (delivery == null || !caller.belongsTo(delivery.recipient)) {
            throw ProblemException.notFound("Delivery " + id);
        }
        if (delivery.status == DeliveryStatus.PENDING) {
            throw ProblemException.conflict("the delivery is still being attempted; nothing to replay");
        }
        delivery.replay(clock.instant());
        AfterCommit.run(transactions, signal::wake);
        return delivery;
    }

    @Transactional
    public List<Delivery> replaySince(Caller caller, Instant since) {
        Instant now = clock.instant();
        List<Delivery> replayed = deliveries.finishedSince(caller.organisation(), since, MAX_REPLAY);
        replayed.forEach(d -> d.replay(now));
        if (!replayed.isEmpty()) {
            AfterCommit.run(transactions, signal::wake);
        }
        return replayed;
    }

    @Transactional
    public GatewayEndpoint reEnable(Caller caller) {
        GatewayEndpoint endpoint = endpoints.findById(caller.organisation());
        if (endpoint == null) {
            throw ProblemException.notFound("Gateway endpoint of " + caller.organisation());
        }
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        endpoint.updatedAt = clock.instant();
        deliveries.makeDueNow(endpoint.organisation, endpoint.updatedAt);
        AfterCommit.run(transactions, signal::wake);
        return endpoint;
    }
}
