package exchange.safeguarding.kit.outbox;

import exchange.safeguarding.kit.signal.Wakeup;
import jakarta.enterprise.context.ApplicationScoped;

/** In-process wake-up from committing transactions to the relay; polling covers other replicas and restarts. */
@ApplicationScoped
public class OutboxSignal {

    private final Wakeup wakeup = new Wakeup();

    public void wake() {
        wakeup.wake();
    }

    Wakeup wakeup() {
        return wakeup;
    }
}
