package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A steady stream of concerns raised through agency gateways, each gateway at its own rate, recording every attempt.
 * A gateway keeps the concern its case system handed it until the platform accepts it, so a refused connection, a
 * timeout, a 5xx or a 429 is retried with the same body and the same Idempotency-Key after a back-off (429 and 503
 * after their Retry-After), so a retry after an attempt whose outcome the gateway could not know (no answer after
 * sending, or a 5xx) must not store the concern twice: each concern carries a drill reference in its account so any
 * copies can still be counted afterwards.
 */
final class ConcernLoad implements AutoCloseable {

    /** An agency gateway raising concerns at a steady rate with its own token. */
    record Source(String organisation, double perSecond, Supplier<String> bearer) {
    }

    enum Result {
        /** 201: the platform has it. */
        ACCEPTED,
        /** Nothing listened: the request never reached the service. */
        CONNECTION_REFUSED,
        /** Sent, but no answer (reset, timeout): the gateway cannot know whether it was stored. */
        NO_ANSWER,
        /** 5xx: refused, though a failure after the commit cannot be ruled out from outside. */
        SERVER_ERROR,
        /** 429: too fast for the service. */
        TOO_MANY_REQUESTS,
        /** Any other 4xx: a mistake the gateway would not retry. */
        REJECTED
    }

    record Attempt(Instant at, Result result, int status, String detail) {
        /** Whether the concern may have been stored although the gateway saw no 201. */
        boolean outcomeUnknown() {
            return result == Result.NO_ANSWER || result == Result.SERVER_ERROR;
        }
    }

    /** One concern a gateway set out to raise, and what became of it. */
    record Raise(String reference, String organisation, ObjectNode request, Instant intendedAt, List<Attempt> attempts,
                 JsonNode accepted) {
        boolean wasAccepted() {
            return accepted != null;
        }

        String concernId() {
            return accepted == null ? null : accepted.path("id").asText();
        }

        boolean retried() {
            return attempts.size() > 1;
        }

        long failedAttempts() {
            return attempts.stream().filter(a -> a.result() != Result.ACCEPTED).count();
        }

        boolean outcomeOnceUnknown() {
            return attempts.stream().anyMatch(Attempt::outcomeUnknown);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> GIVEN_NAMES = List.of("Edith", "Harold", "Margaret", "Albert", "Doreen", "Stanley",
            "Irene", "Walter", "Phyllis", "Ernest", "Joan", "Cyril");
    private static final List<String> FAMILY_NAMES = List.of("Ashcombe", "Brierley", "Calloway", "Dunmore", "Elsworth",
            "Fenwick", "Garside", "Hebden", "Ingleby", "Jessop");
    private static final String[] ACCOUNTS = {
            "Missed evening medication twice this week; found distressed at the night visit.",
            "Says a neighbour has been taking her pension card; cupboards empty at the morning visit.",
            "Unexplained bruising to both upper arms noticed during personal care.",
            "Left alone without heating for two days while the family carer was away."};
    /** A gateway gives up on a concern only after this long (it would alert its own operators). */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(150);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI concerns;
    private final List<Source> sources;
    private final String run;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Queue<Raise> finished = new ConcurrentLinkedQueue<>();
    private final Map<String, Instant> acceptedAt = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(daemon("load-clock"));
    private final ExecutorService gateways = Executors.newCachedThreadPool(daemon("load-gateway"));

    /** {@code run} goes into every drill reference, so one run's concerns are told apart from everything else stored. */
    ConcernLoad(String concernServiceUrl, List<Source> sources, String run) {
        this.concerns = URI.create(concernServiceUrl + "/concerns");
        this.sources = sources;
        this.run = run;
    }

    /** The prefix of every drill reference this load writes, in brackets, at the end of a concern's account. */
    String referencePrefix() {
        return "drill " + run + "-";
    }

    /** The drill reference in a stored concern's account, or null if this run did not raise it. */
    String referenceIn(String whatHappened) {
        int at = whatHappened == null ? -1 : whatHappened.lastIndexOf("(" + referencePrefix());
        return at < 0 || !whatHappened.endsWith(")") ? null : whatHappened.substring(at + 1, whatHappened.length() - 1);
    }

    void start() {
        for (Source source : sources) {
            long periodMicros = Math.round(1_000_000 / source.perSecond());
            clock.scheduleAtFixedRate(() -> gateways.execute(() -> raise(source)), 0, periodMicros, TimeUnit.MICROSECONDS);
        }
    }

    /** No new concerns; waits for the ones still being retried (each gives up after {@link #GIVE_UP_AFTER}). */
    void stop() throws InterruptedException {
        clock.shutdownNow();
        gateways.shutdown();
        if (!gateways.awaitTermination(GIVE_UP_AFTER.toSeconds() + 30, TimeUnit.SECONDS)) {
            gateways.shutdownNow();
        }
    }

    /** Every concern set out so far whose fate is settled (accepted, given up or rejected). */
    List<Raise> raises() {
        return new ArrayList<>(finished);
    }

    /** When the gateway got the 201 for this concern, or null if it did not (yet). */
    Instant acceptedAt(String concernId) {
        return acceptedAt.get(concernId);
    }

    private void raise(Source source) {
        int n = sequence.incrementAndGet();
        Instant intended = Instant.now();
        ObjectNode request = concern(n);
        String reference = referencePrefix() + n;
        List<Attempt> attempts = new ArrayList<>();
        JsonNode accepted = null;
        try {
            while (accepted == null && Duration.between(intended, Instant.now()).compareTo(GIVE_UP_AFTER) < 0) {
                Attempt attempt;
                Duration wait = backoff(attempts.size());
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(concerns).timeout(Duration.ofSeconds(15))
                            .header("Authorization", source.bearer().get()).header("Content-Type", "application/json")
                            .header(ActingPersonFilter.HEADER, ActingPersonFilter.SOMEONE)
                            .header("Accept", "application/json").header("Idempotency-Key", reference.replace(' ', ':'))
                            .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(), HttpResponse.BodyHandlers.ofString());
                    int status = response.statusCode();
                    if (status == 201) {
                        accepted = JSON.readTree(response.body());
                        attempt = new Attempt(Instant.now(), Result.ACCEPTED, status, null);
                        acceptedAt.put(accepted.path("id").asText(), attempt.at());
                    } else if (status == 429 || status >= 500) {
                        attempt = new Attempt(Instant.now(), status == 429 ? Result.TOO_MANY_REQUESTS : Result.SERVER_ERROR,
                                status, abbreviated(response.body()));
                        wait = max(wait, retryAfter(response));
                    } else {
                        attempts.add(new Attempt(Instant.now(), Result.REJECTED, status, abbreviated(response.body())));
                        return;
                    }
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    attempt = new Attempt(Instant.now(), Result.CONNECTION_REFUSED, 0, e.toString());
                } catch (IOException e) {
                    attempt = new Attempt(Instant.now(), Result.NO_ANSWER, 0, e.toString());
                }
                attempts.add(attempt);
                if (accepted == null) {
                    Thread.sleep(wait.toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.add(new Raise(reference, source.organisation(), request, intended, List.copyOf(attempts), accepted));
        }
    }

    private ObjectNode concern(int n) {
        ObjectNode concern = JSON.createObjectNode();
        ObjectNode adult = concern.putObject("adult");
        adult.put("givenName", GIVEN_NAMES.get(n % GIVEN_NAMES.size()));
        // One adult per concern, so no concern matches another's person or counts towards a pattern.
        adult.put("familyName", FAMILY_NAMES.get(n % FAMILY_NAMES.size()) + "-" + letters(run.hashCode()) + letters(n));
        concern.putArray("abuseTypes").add("NEGLECT_AND_ACTS_OF_OMISSION");
        concern.put("whatHappened", ACCOUNTS[n % ACCOUNTS.length] + " (" + referencePrefix() + n + ")");
        concern.put("urgency", "ROUTINE");
        return concern;
    }

    /** A number written in letters (A = 0), for names that must not hold digits to look like names. */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        long value = Integer.toUnsignedLong(n);
        do {
            out.append((char) ('a' + value % 26));
            value /= 26;
        } while (value > 0);
        return out.toString();
    }

    /** 250 ms, doubling to 5 s, with jitter so the gateways do not all come back at the same instant. */
    private static Duration backoff(int failuresSoFar) {
        long millis = Math.min(5_000, 250L << Math.min(failuresSoFar, 5));
        return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.min(10, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return Duration.ZERO;
            }
        }).orElse(Duration.ZERO);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        clock.shutdownNow();
        gateways.shutdownNow();
    }
}
