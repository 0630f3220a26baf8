package exchange.safeguarding.sharing.service;

import exchange.safeguarding.sharing.config.SharingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/** Runs snapshots as soon as an approval commits, and on a poll for retries and anything missed. */
@ApplicationScoped
public class DisclosureWorker {

    private static final Logger LOG = Logger.getLogger(DisclosureWorker.class);

    private final DisclosureSnapshots snapshots;
    private final SharingConfig config;
    private volatile boolean running;
    private Thread thread;

    public DisclosureWorker(DisclosureSnapshots snapshots, SharingConfig config) {
        this.snapshots = snapshots;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::loop, "disclosure-snapshots");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        while (running) {
            try {
                List<UUID> due = snapshots.due(50);
                for (UUID id : due) {
                    snapshots.take(id);
                }
                if (due.size() < 50) {
                    snapshots.wakeup().await(config.snapshots().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("Snapshot round failed; retrying after the poll interval", e);
                try {
                    Thread.sleep(config.snapshots().pollInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
