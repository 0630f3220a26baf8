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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends due deliveries. Claims are leased in the database, so several replicas share the work and a
 * delivery held by a crashed one is taken up again when its lease runs out, with the same webhook-id. A batch
 * waits at most a second for its slowest gateway: the rest is recorded together and the dispatcher moves on,
 * while a straggler records its own outcome when its gateway answers, so one agency's slow gateway never
 * holds up another agency's messages for longer than that.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 32;
    private static final Duration BATCH_WAIT = Duration.ofSeconds(1);

    private final DeliveryRepository deliveries;
    private final GatewayEndpointRepository endpoints;
    private final WebhookSender sender;
    private final DeliveryOutcomes outcomes;
    private final SecretSealer sealer;
    private final DispatchSignal signal;
    private final NotificationConfig config;
    private final Clock clock;
    // Room for stragglers (up to the webhook timeout each) beside a full batch.
    private final ExecutorService senders = Executors.newFixedThreadPool(48, r -> {
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

    /** What one claimed delivery needs for its attempt, read in the claiming transaction. */
    private record Prepared(UUID id, String url, String body, List<String> secrets) {
    }

    private record Attempted(UUID id, WebhookCall call, String postponed) {
    }

    /**
     * Claims and sends one batch; returns how many deliveries it claimed. Two transactions per batch, not two
     * per delivery: one claims and reads what to send, the other records every outcome.
     */
    int dispatchBatch() throws InterruptedException {
        Instant now = clock.instant();
        List<Prepared> claimed = QuarkusTransaction.requiringNew().call(() -> {
            List<Prepared> prepared = new ArrayList<>();
            for (UUID id : deliveries.claimDue(now, now.plus(config.webhook().lease()), BATCH)) {
                Delivery delivery = deliveries.findById(id);
                GatewayEndpoint endpoint = endpoints.findById(delivery.recipient);
                List<String> secrets = endpoint.secretsValidAt(now).stream().map(SigningSecret::sealed).map(sealer::open).toList();
                prepared.add(new Prepared(id, endpoint.url, delivery.payload, secrets));
            }
            return prepared;
        });
        List<CompletableFuture<Attempted>> sending = claimed.stream()
                .map(p -> CompletableFuture.supplyAsync(() -> attempt(p), senders)).toList();
        try {
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).get(BATCH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException stillGoingOrFailed) {
            // Recorded below: what finished together, the rest on their own.
        }
        List<Attempted> attempted = new ArrayList<>();
        for (CompletableFuture<Attempted> one : sending) {
            if (one.isDone() && !one.isCompletedExceptionally()) {
                attempted.add(one.join());
            } else if (one.isDone()) {
                LOG.warnf("delivery attempt failed unexpectedly; its lease will run out and it is tried again");
            } else {
                one.whenComplete((straggler, failed) -> {
                    if (straggler != null) {
                        record(List.of(straggler));
                    }
                    signal.wake(); // the next message on its subject may now be due
                });
            }
        }
        record(attempted);
        return claimed.size();
    }

    private Attempted attempt(Prepared prepared) {
        if (prepared.secrets().isEmpty()) {
            return new Attempted(prepared.id(), null, "the gateway has no valid signing secret");
        }
        return new Attempted(prepared.id(), sender.send(prepared.url(), prepared.id().toString(), prepared.body(),
                prepared.secrets()), null);
    }

    /** All outcomes in one transaction; if that fails, one by one, so one bad record cannot lose the rest. */
    private void record(List<Attempted> attempted) {
        try {
            QuarkusTransaction.requiringNew().run(() -> attempted.forEach(this::recordOne));
        } catch (RuntimeException batchFailed) {
            LOG.warnf("recording %d outcomes together failed (%s); recording each alone", attempted.size(),
                    batchFailed.getMessage());
            for (Attempted one : attempted) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> recordOne(one));
                } catch (RuntimeException e) {
                    // The lease runs out and the delivery is tried again, with the same webhook-id.
                    LOG.errorf("could not record the outcome of delivery %s: %s", one.id(), e.getMessage());
                }
            }
        }
    }

    private void recordOne(Attempted one) {
        if (one.postponed() != null) {
            outcomes.postpone(one.id(), one.postponed());
        } else {
            outcomes.record(one.id(), one.call());
        }
    }
}
