package exchange.safeguarding.kit.testing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Replaces a service's clock in its tests (the kit's clock is a default bean), so deadlines, review dates
 * and expiry can be reached without waiting. Until a test moves it, it tells real time.
 */
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Singleton
    MutableClock clock() {
        return CLOCK;
    }
}
