package exchange.safeguarding.kit.inbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DatabaseOutageTest {

    private final AtomicBoolean databaseUp = new AtomicBoolean(true);
    private final AtomicLong now = new AtomicLong();
    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicInteger tries = new AtomicInteger();
    /** The clock moves only while the consumer sleeps, so patience is measured in those pauses. */
    private final DatabaseOutage outage = new DatabaseOutage(databaseUp::get, Duration.ofSeconds(40), pause -> {
        pauses.add(pause);
        now.addAndGet(pause.toNanos());
    }, now::get);

    @Test
    void anEventWaitsForTheDatabaseAndIsAppliedWhenItIsBack() {
        databaseUp.set(false);
        String applied = outage.waitingOut("notifications", () -> {
            if (tries.incrementAndGet() < 4) {
                throw new IllegalStateException("Connection to localhost:15432 refused");
            }
            return "applied";
        });
        assertEquals("applied", applied, "applied, not failed towards the dead-letter topic");
        assertEquals(4, tries.get());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1)), pauses, "waits longer each time");
    }

    @Test
    void aFailureWhileTheDatabaseAnswersIsTheEventsOwnAndIsThrownAtOnce() {
        IllegalArgumentException poison = new IllegalArgumentException("no such organisation");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> outage.waitingOut("notifications", () -> {
            tries.incrementAndGet();
            throw poison;
        }));
        assertSame(poison, thrown, "the usual retries and the dead-letter topic take it from here");
        assertEquals(1, tries.get());
        assertEquals(List.of(), pauses);
    }

    @Test
    void theWaitEndsWhenThePatienceRunsOut() {
        databaseUp.set(false);
        var thrown = assertThrows(DatabaseOutage.StillUnavailable.class, () -> outage.waitingOut("notifications", () -> {
            throw new IllegalStateException("Connection refused");
        }));
        assertEquals("Connection refused", thrown.getCause().getMessage());
        Duration waited = pauses.stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(true, waited.compareTo(Duration.ofSeconds(40)) >= 0 && waited.compareTo(Duration.ofSeconds(45)) < 0,
                "about the patience, no more: " + waited);
        assertEquals(Duration.ofSeconds(5), pauses.get(pauses.size() - 1), "pauses stop growing at 5 s");
    }
}
