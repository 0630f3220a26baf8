package exchange.safeguarding.kit.signal;

import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * A worker thread that runs rounds of work: at once again while a round reports more waiting, otherwise after a
 * wake-up or the poll interval. A failed round is logged and retried after the poll interval, so one bad moment
 * (the database restarting) never ends the worker.
 */
public final class BackgroundRounds {

    /** One round; true when more work is known to be waiting. */
    @FunctionalInterface
    public interface Round {
        boolean run() throws InterruptedException;
    }

    private static final Logger LOG = Logger.getLogger(BackgroundRounds.class);

    private final Thread thread;
    private volatile boolean running = true;

    private BackgroundRounds(String name, Round round, Wakeup wakeup, Duration poll) {
        this.thread = new Thread(() -> loop(name, round, wakeup, poll), name);
        this.thread.setDaemon(true);
    }

    public static BackgroundRounds start(String name, Round round, Wakeup wakeup, Duration poll) {
        BackgroundRounds rounds = new BackgroundRounds(name, round, wakeup, poll);
        rounds.thread.start();
        return rounds;
    }

    public void stop() {
        running = false;
        thread.interrupt();
    }

    private void loop(String name, Round round, Wakeup wakeup, Duration poll) {
        while (running) {
            try {
                if (!round.run()) {
                    wakeup.await(poll);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(e, "%s: round failed; retrying after %s", name, poll);
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
