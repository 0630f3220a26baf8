package exchange.safeguarding.agreement;

import exchange.safeguarding.kit.testing.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the service's clock in tests, so review dates and expiry can be reached without waiting. */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    MutableClock clock() {
        return CLOCK;
    }
}
