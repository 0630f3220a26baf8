package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.kit.signal.AfterCommit;
import exchange.safeguarding.notification.domain.GatewayEndpoint;
import exchange.safeguarding.notification.domain.SigningSecret;
import exchange.safeguarding.notification.repository.DeliveryRepository;
import exchange.safeguarding.notification.repository.GatewayEndpointRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps this service's replica of each organisation's gateway, from agreement-service's events. */
@ApplicationScoped
public class GatewayDirectory {

    public static final String GATEWAY_CONFIGURED = "organisation.gateway-configured.v1";

    /** The part of agreement-service's event this service needs. */
    public record GatewayConfigured(String organisation, String url, List<SigningSecret> secrets) {
    }

    private final GatewayEndpointRepository endpoints;
    private final DeliveryRepository deliveries;
    private final EventCodec codec;
    private final DispatchSignal signal;
    private final TransactionSynchronizationRegistry transactions;
    private final Clock clock;

    public GatewayDirectory(GatewayEndpointRepository endpoints, DeliveryRepository deliveries, EventCodec codec,
                            DispatchSignal signal, TransactionSynchronizationRegistry transactions, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.codec = codec;
        this.signal = signal;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!GATEWAY_CONFIGURED.equals(event.type())) {
            return;
        }
        GatewayConfigured configured = codec.data(event, GatewayConfigured.class);
        Instant now = clock.instant();
        GatewayEndpoint endpoint = endpoints.findById(configured.organisation());
        if (endpoint == null) {
            endpoint = new GatewayEndpoint();
            endpoint.organisation = configured.organisation();
        }
        endpoint.url = configured.url();
        endpoint.secrets = new ArrayList<>(configured.secrets() == null ? List.of() : configured.secrets());
        // A newly configured gateway is a fresh start: a 410 from the old address no longer applies.
        endpoint.disabledAt = null;
        endpoint.disabledReason = null;
        endpoint.updatedAt = now;
        endpoints.persist(endpoint);
        deliveries.makeDueNow(configured.organisation(), now);
        AfterCommit.run(transactions, signal::wake);
    }
}
