package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.crypto.SecretSealer;
import exchange.safeguarding.notification.config.NotificationConfig;
import exchange.safeguarding.notification.domain.Delivery;
import exchange.safeguarding.notification.domain.GatewayEndpoint;
import exchange.safeguarding.notification.domain.SigningSecret;
import exchange.safeguarding.notification.repository.DeliveryRepository;
import exchange.safeguarding.notification.repository.GatewayEndpointRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Sends due deliveries. Claims are leased in the database, so several replicas share the work and a
 * delivery held by a crashed one is taken up again when its lease runs out, with the same webhook-id.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 32;

    private final DeliveryRepository deliveries;
    private final GatewayEndpointRepository endpoints;
    private final WebhookSender sender;
    private final DeliveryOutcomes outcomes;
    private final SecretSealer sealer;
    private final DispatchSignal signal;
    private final NotificationConfig config;
    private final Clock clock;
    private final ExecutorService senders = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "webhook-sender");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean running;
    private Thread loop;

    public WebhookDispatcher(DeliveryRepository deliveries, GatewayEndpointRepository endpoints, WebhookSender sender,
                             DeliveryOutcomes outcomes, SecretSealer sealer, DispatchSignal signal,
                             NotificationConfig config, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.sender = sender;
        this.outcomes = outcomes;
        this.sealer = sealer;
        this.signal = signal;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent ignored) {
        running = true;
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (loop != null) {
            loop.interrupt();
        }
        senders.shutdownNow();
    }

    private void run() {
        while (running) {
            try {
                signal.wakeup().await(config.webhook().pollInterval());
                int claimed;
                do {
                    claimed = dispatchBatch();
                } while (claimed == BATCH && running);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warnf("webhook dispatch cycle failed, retrying: %s", e.getMessage());
            }
        }
    }

    /** Claims and sends one batch; returns how many deliveries it claimed. */
    int dispatchBatch() throws InterruptedException {
        Instant now = clock.instant();
        List<UUID> claimed = QuarkusTransaction.requiringNew()
                .call(() -> deliveries.claimDue(now, now.plus(config.webhook().lease()), BATCH));
        List<Future<?>> running = claimed.stream().<Future<?>>map(id -> senders.submit(() -> attempt(id))).toList();
        for (Future<?> sending : running) {
            try {
                sending.get();
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warnf("delivery attempt failed unexpectedly: %s", e.getCause().getMessage());
            }
        }
        return claimed.size();
    }

    private void attempt(UUID id) {
        record Prepared(String url, String body, List<String> secrets) {
        }
        Prepared prepared = QuarkusTransaction.requiringNew().call(() -> {
            Delivery delivery = deliveries.findById(id);
            GatewayEndpoint endpoint = endpoints.findById(delivery.recipient);
            List<String> secrets = endpoint.secretsValidAt(clock.instant()).stream()
                    .map(SigningSecret::sealed).map(sealer::open).toList();
            return new Prepared(endpoint.url, delivery.payload, secrets);
        });
        if (prepared.secrets().isEmpty()) {
            outcomes.postpone(id, "the gateway has no valid signing secret");
            return;
        }
        outcomes.record(id, sender.send(prepared.url(), id.toString(), prepared.body(), prepared.secrets()));
    }
}
