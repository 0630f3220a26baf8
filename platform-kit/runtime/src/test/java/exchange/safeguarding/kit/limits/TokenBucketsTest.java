package exchange.safeguarding.kit.limits;

import exchange.safeguarding.kit.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    /** 10 requests per second sustained, 5 at once. */
    private final TokenBuckets buckets = new TokenBuckets(10, 5, now::get);

    @Test
    void aCallerMayMakeItsBurstAtOnceAndIsThenToldHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, buckets.take("gateway-a"), "request " + (i + 1) + " of the burst");
        }
        assertAbout(100, buckets.take("gateway-a"), "the next token comes after 1/10 s");
    }

    @Test
    void theSustainedRateRefillsOneTokenPerInterval() {
        drain("gateway-a");
        advance(Duration.ofMillis(100));
        assertEquals(Duration.ZERO, buckets.take("gateway-a"));
        assertTrue(buckets.take("gateway-a").compareTo(Duration.ZERO) > 0, "one token only");
        advance(Duration.ofMillis(40));
        assertAbout(60, buckets.take("gateway-a"), "partly refilled: waits the rest");
    }

    @Test
    void aLongIdleCallerGetsItsBurstBackButNoMore() {
        drain("gateway-a");
        advance(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, buckets.take("gateway-a"));
        }
        assertTrue(buckets.take("gateway-a").compareTo(Duration.ZERO) > 0, "capacity stays at the burst");
    }

    @Test
    void oneCallerAtItsLimitDoesNotSlowAnother() {
        drain("gateway-a");
        assertEquals(Duration.ZERO, buckets.take("gateway-b"));
    }

    @Test
    void idleCallersAreForgottenWhenManyAreTracked() {
        drain("busy");
        for (int i = 0; i <= TokenBuckets.TRACKED_BEFORE_CLEAN_UP; i++) {
            buckets.take("caller-" + i);
        }
        advance(Duration.ofSeconds(1));
        buckets.take("newcomer");
        assertEquals(1, buckets.tracked(), "only the newcomer is left: every other bucket had refilled");
        assertEquals(Duration.ZERO, buckets.take("busy"), "a forgotten caller starts with a full bucket");
    }

    @Test
    void theRefusalIsAProblemWithRetryAfterInWholeSecondsRoundedUp() {
        Response refusal = RequestRateLimit.tooManyRequests(Duration.ofMillis(1200), "/concerns");
        assertEquals(429, refusal.getStatus());
        assertEquals("2", String.valueOf(refusal.getHeaders().getFirst("Retry-After")));
        assertEquals(Problem.MEDIA_TYPE, String.valueOf(refusal.getMediaType()));
        Problem problem = (Problem) refusal.getEntity();
        assertEquals(429, problem.status());
        assertEquals("https://safeguarding.exchange/problems/too-many-requests", problem.type());
        assertEquals("/concerns", problem.instance());
        assertEquals("1", String.valueOf(RequestRateLimit.tooManyRequests(Duration.ofMillis(3), "/x")
                .getHeaders().getFirst("Retry-After")), "never less than a second");
    }

    /** Within a millisecond: the refill is computed in floating point. */
    private static void assertAbout(long expectedMillis, Duration actual, String why) {
        assertTrue(Math.abs(actual.toNanos() - expectedMillis * 1_000_000) < 1_000_000, why + ": " + actual);
    }

    private void drain(String caller) {
        while (buckets.take(caller).isZero()) {
            // take the whole burst
        }
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
