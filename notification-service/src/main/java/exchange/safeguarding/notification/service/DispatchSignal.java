package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.signal.Wakeup;
import jakarta.enterprise.context.ApplicationScoped;

/** Wakes the webhook dispatcher when deliveries become due, instead of waiting for its next poll. */
@ApplicationScoped
public class DispatchSignal {

    private final Wakeup wakeup = new Wakeup();

    public void wake() {
        wakeup.wake();
    }

    Wakeup wakeup() {
        return wakeup;
    }
}
