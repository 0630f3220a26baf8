package exchange.safeguarding.kit.outbox;

import exchange.safeguarding.kit.config.PlatformConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka in commit order and marks them sent only after the broker acknowledged
 * them. One relay at a time per service database publishes (a transaction-scoped advisory lock), and the
 * rows it takes are locked, so two replicas never publish the same row and per-aggregate order holds.
 * A failed batch stays in the outbox and is retried with back-off; a re-sent row keeps its event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final EventPublisher publisher;
    private final OutboxSignal signal;
    private final PlatformConfig.Outbox settings;
    private final long lockKey;
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private volatile Instant lastFailure;
    private volatile String lastError;
    private Thread worker;

    public OutboxRelay(AgroalDataSource dataSource, EventPublisher publisher, OutboxSignal signal,
                       PlatformConfig config, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.signal = signal;
        this.settings = config.outbox();
        this.lockKey = ("outbox-relay:" + config.serviceName()).hashCode();
        this.published = Counter.builder("outbox.events.published").description("Events acknowledged by Kafka").register(registry);
        this.failures = Counter.builder("outbox.publish.failures").description("Relay batches that failed").register(registry);
    }

    void start(@Observes StartupEvent ignored) {
        if (!settings.relayEnabled()) {
            LOG.info("outbox relay disabled by configuration");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                signal.wakeup().await(backoff.isZero() ? settings.pollInterval() : backoff);
                int sent;
                do {
                    sent = publishBatch();
                } while (sent == settings.batchSize() && running);
                backoff = Duration.ZERO;
                lastError = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                failures.increment();
                lastFailure = Instant.now();
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), Duration.ofSeconds(10));
                LOG.warnf("outbox relay could not publish (retrying in %d ms): %s", backoff.toMillis(), lastError);
            }
        }
    }

    /** Publishes one batch; returns how many rows were acknowledged and marked. */
    int publishBatch() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int marked = publishLocked(connection);
                connection.commit();
                return marked;
            } catch (SQLException | InterruptedException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int publishLocked(Connection connection) throws SQLException, InterruptedException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another replica is publishing; its commit or our next poll moves on
                }
            }
        }
        List<Long> seqs = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, topic, message_key, payload::text from kit_outbox
                where published_at is null order by seq limit ? for update skip locked""")) {
            select.setInt(1, settings.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    acks.add(publisher.send(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
        }
        if (seqs.isEmpty()) {
            return 0;
        }
        // Mark the acknowledged prefix; anything after the first failure is sent again later, in order.
        int acknowledged = 0;
        Exception failure = null;
        long deadline = System.nanoTime() + settings.ackTimeout().toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged++;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                failure = e;
                break;
            }
        }
        if (acknowledged > 0) {
            try (PreparedStatement mark = connection.prepareStatement(
                    "update kit_outbox set published_at = now(), attempts = attempts + 1 where seq = any(?)")) {
                mark.setArray(1, connection.createArrayOf("bigint", seqs.subList(0, acknowledged).toArray()));
                mark.executeUpdate();
            }
            published.increment(acknowledged);
        }
        if (failure != null) {
            try (PreparedStatement note = connection.prepareStatement(
                    "update kit_outbox set attempts = attempts + 1, last_error = ? where seq = ?")) {
                note.setString(1, String.valueOf(failure.getCause() != null ? failure.getCause() : failure));
                note.setLong(2, seqs.get(acknowledged));
                note.executeUpdate();
            }
            connection.commit();
            throw new IllegalStateException("broker did not acknowledge outbox row " + seqs.get(acknowledged), failure);
        }
        return acknowledged;
    }

    /** The last failure, for readiness and operators; null when the last batch went through. */
    public String lastError() {
        return lastError;
    }

    public Instant lastFailure() {
        return lastFailure;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }
}
