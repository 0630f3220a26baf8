package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.signal.BackgroundRounds;
import exchange.safeguarding.sharing.config.SharingConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.UUID;

/** Runs snapshots as soon as an approval commits, and on a poll for retries and anything missed. */
@ApplicationScoped
public class DisclosureWorker {

    private static final int ROUND = 50;

    private final DisclosureSnapshots snapshots;
    private final SharingConfig config;
    private BackgroundRounds rounds;

    public DisclosureWorker(DisclosureSnapshots snapshots, SharingConfig config) {
        this.snapshots = snapshots;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        rounds = BackgroundRounds.start("disclosure-snapshots", this::round, snapshots.wakeup(),
                config.snapshots().pollInterval());
    }

    void stop(@Observes ShutdownEvent event) {
        if (rounds != null) {
            rounds.stop();
        }
    }

    private boolean round() {
        List<UUID> due = snapshots.due(ROUND);
        for (UUID id : due) {
            snapshots.take(id);
        }
        return due.size() == ROUND;
    }
}
