package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.system.ConcernLoad.Attempt;
import exchange.safeguarding.deploy.system.ConcernLoad.Raise;
import exchange.safeguarding.deploy.system.ConcernLoad.Result;
import exchange.safeguarding.deploy.system.FaultDrill.Window;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The drill written down: each fault with its time and the requests during it, then the counts a to d. */
final class FaultReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private FaultReport() {
    }

    static String render(FaultSettings settings, List<Window> windows, List<Raise> raises, DrillAudit.Stored stored,
                         DrillAudit.Published published, DrillAudit.Delivered delivered, DrillAudit.Timers timers,
                         Duration drill, Duration settled) {
        StringBuilder out = new StringBuilder();
        out.append("Fault injection under load (FaultInjectionIT), ").append(Instant.now()).append('\n');
        out.append("Command: ").append(FaultSettings.command()).append('\n');
        out.append("Settings: ").append(settings.describe()).append('\n');
        out.append(String.format(Locale.ROOT, "Drill %d s; every count below settled %d s after the load stopped.%n%n",
                drill.toSeconds(), settled.toSeconds()));

        out.append("Requests are concerns a gateway set out to raise in the window (each retried until accepted);\n")
                .append("failed attempts are those made in the window: refused connection / no answer / 5xx / 429.\n\n");
        out.append("down: until repaired; ready: until every service answered ready; told: until a concern accepted\n")
                .append("after the repair reached its gateway (all from the fault's start); longest: slowest acceptance.\n\n");
        out.append(String.format(Locale.ROOT, "%-40s %-8s %6s %7s %6s %5s %8s %7s %18s %8s %9s%n", "fault", "at (UTC)",
                "down s", "ready s", "told s", "sent", "accepted", "retried", "failed attempts", "not acc.", "longest s"));
        for (Window w : windows) {
            List<Raise> during = raises.stream().filter(r -> w.covers(r.intendedAt())).toList();
            List<Attempt> attempts = raises.stream().flatMap(r -> r.attempts().stream()).filter(a -> w.covers(a.at())).toList();
            long longest = during.stream().filter(Raise::wasAccepted)
                    .mapToLong(r -> Duration.between(r.intendedAt(), r.attempts().get(r.attempts().size() - 1).at()).toMillis())
                    .max().orElse(0);
            out.append(String.format(Locale.ROOT, "%-40s %-8s %6.1f %7.1f %6.1f %5d %8d %7d %18s %8d %9.1f%n", w.fault(),
                    TIME.format(w.started()), w.down().toMillis() / 1000.0, w.untilReady().toMillis() / 1000.0,
                    w.untilFlowing().toMillis() / 1000.0, during.size(),
                    during.stream().filter(Raise::wasAccepted).count(), during.stream().filter(Raise::retried).count(),
                    count(attempts, Result.CONNECTION_REFUSED) + " / " + count(attempts, Result.NO_ANSWER) + " / "
                            + count(attempts, Result.SERVER_ERROR) + " / " + count(attempts, Result.TOO_MANY_REQUESTS),
                    during.stream().filter(r -> !r.wasAccepted()).count(), longest / 1000.0));
        }
        out.append(String.format(Locale.ROOT, "%-40s %-8s %6s %7s %6s %5d %8d %7d%n%n", "total", "", "", "", "", raises.size(),
                raises.stream().filter(Raise::wasAccepted).count(), raises.stream().filter(Raise::retried).count()));

        out.append(String.format(Locale.ROOT, """
                        a. Stored: %d of %d concerns that got a 201 read back by id with the same content (%d missing, %d \
                        changed); %d of %d set out were never accepted.
                           Stored copies of the run's concerns: %d; duplicates stored by a retry: %d (%d of them after an \
                        attempt whose outcome the gateway could not know); stored although the gateway never got a 201: %d.
                           Every retry carried the first attempt's Idempotency-Key, so an unknown outcome must not store a concern twice.
                        """, stored.readable(), stored.accepted(), stored.missing().size(), stored.changed().size(),
                stored.notAccepted().size(), stored.tried(), stored.copies(), stored.duplicates(),
                stored.duplicatesAfterUnknownOutcome(), stored.storedWithoutA2xx()));
        out.append(String.format(Locale.ROOT, """
                        b. Published: %d of %d concern.raised/routed events written, %d acknowledged by Kafka (%d of them sent \
                        again by the relay after a failure); applied by notification-service %d, by sharing-service %d.
                           Outbox rows still unpublished: %s. Messages dead-lettered during the drill: %s.
                           concern.raised.v1 delivered to the raiser's gateway for %d of %d stored concerns.
                        """, published.written(), published.expected(), published.published(), published.resentByRelay(),
                published.appliedByNotifications(), published.appliedBySharing(), compact(published.unpublished()),
                compact(published.deadLetteredDuringDrill()), published.raisedWebhooksDelivered(), published.concerns()));
        out.append(String.format(Locale.ROOT, """
                        c. Delivered: %d of %d due webhooks (%d missing); %d messages (webhook-ids) arrived %d times, %d of \
                        them more than once, %d repeats with another body; told twice under another webhook-id: %d; \
                        still pending or dead: %d.
                        """, delivered.delivered(), delivered.due(), delivered.missing().size(), delivered.messages(),
                delivered.arrivals(), delivered.repeatedMessages(), delivered.repeatsWithAnotherBody().size(),
                delivered.toldMoreThanOnce().size(), delivered.pendingOrDead()));
        out.append(String.format(Locale.ROOT, """
                        d. Timers: %d concerns of the drill agency, each line manager deadline passed unanswered; breach \
                        announced exactly once for %d (twice or more: %d, never: %d); sla.breached.v1 delivered under one \
                        webhook-id for %d; escalated exactly once for %d (escalation steps other than one: %d).
                        """, timers.concerns(), timers.breachedOnce(), timers.breachedMoreThanOnce().size(),
                timers.neverBreached().size(), timers.breachToldOnce(), timers.escalatedOnce(),
                timers.escalationStepsNotOne().size()));
        appendExamples(out, "not accepted", stored.notAccepted());
        appendExamples(out, "missing", stored.missing());
        appendExamples(out, "changed", stored.changed());
        appendExamples(out, "webhooks missing", delivered.missing().stream().map(Object::toString).toList());
        appendExamples(out, "told under two webhook-ids", delivered.toldMoreThanOnce().stream().map(Object::toString).toList());
        appendExamples(out, "breached more than once", timers.breachedMoreThanOnce());
        appendExamples(out, "never breached", timers.neverBreached());
        appendExamples(out, "escalation steps", timers.escalationStepsNotOne());
        return out.toString();
    }

    private static long count(List<Attempt> attempts, Result result) {
        return attempts.stream().filter(a -> a.result() == result).count();
    }

    private static String compact(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k.replace("safeguarding.", "")).append(' ').append(v));
        return out.toString();
    }

    private static void appendExamples(StringBuilder out, String what, List<String> examples) {
        if (!examples.isEmpty()) {
            out.append("   ").append(what).append(" (first 10 of ").append(examples.size()).append("): ")
                    .append(examples.subList(0, Math.min(10, examples.size()))).append('\n');
        }
    }
}
