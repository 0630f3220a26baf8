package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.system.ConcernLoad.Raise;
import exchange.safeguarding.deploy.system.WebhookTally.Told;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Counting after the faults, the way the issue asks: (a) every concern that got a 2xx is stored, (b) every event is
 * published, (c) every due webhook is delivered, repeats only as the same webhook-id, (d) no timer fired twice or was
 * lost. It reads the platform through its APIs as the agencies would (their gateway tokens) and its stores as an
 * operator would ({@link PlatformStores}).
 */
final class DrillAudit {

    static final String RAISED = "concern.raised.v1";
    static final String ROUTED = "concern.routed.v1";
    static final String ESCALATED = "concern.escalated.v1";
    static final String BREACHED = "sla.breached.v1";

    /** (a) The concerns the gateways were told were accepted, read back; and the copies retries stored. */
    record Stored(int tried, int accepted, int readable, List<String> missing, List<String> changed, List<String> notAccepted,
                  int copies, int duplicates, int duplicatesAfterUnknownOutcome, int storedWithoutA2xx) {
    }

    /** (b) The events about every stored concern of the run, from the outboxes to the consumers and the gateways. */
    record Published(int expected, int written, int published, int resentByRelay, int appliedByNotifications,
                     int appliedBySharing, Map<String, Long> unpublished, Map<String, Long> deadLetteredDuringDrill,
                     int raisedWebhooksDelivered, int concerns) {
        boolean complete() {
            return written == expected && published == expected && appliedByNotifications == expected
                    && appliedBySharing == expected && unpublished.values().stream().allMatch(n -> n == 0)
                    && raisedWebhooksDelivered == concerns;
        }
    }

    /** (c) Every webhook due to the agencies about the run's concerns. */
    record Delivered(int due, int delivered, List<Told> missing, List<Told> toldMoreThanOnce, int messages, int arrivals,
                     int repeatedMessages, List<String> repeatsWithAnotherBody, int pendingOrDead) {
    }

    /** (d) The drill agency's response timers: each concern's line manager deadline passed unanswered. */
    record Timers(int concerns, int breachedOnce, List<String> breachedMoreThanOnce, List<String> neverBreached,
                  int breachToldOnce, int escalatedOnce, List<String> escalationStepsNotOne) {
        boolean complete() {
            return neverBreached.isEmpty();
        }
    }

    private final ConcernLoad load;
    private final List<Raise> raises;
    private final Map<String, Supplier<String>> bearers;
    private final Map<String, Supplier<List<WebhookTally.Arrival>>> gateways;
    private final PlatformStores stores;
    private final Function<String, String> serviceUrl;
    private final String timerAgency;
    private final Map<String, Long> deadLettersBefore;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The run's concerns as stored, by drill reference; a retry after an unknown outcome may have stored two. */
    private final Map<String, List<JsonNode>> storedByReference;
    private final Map<String, String> organisationOf = new HashMap<>();

    DrillAudit(ConcernLoad load, Map<String, Supplier<String>> bearers, Map<String, Supplier<List<WebhookTally.Arrival>>> gateways,
               PlatformStores stores, Function<String, String> serviceUrl, String timerAgency, Map<String, Long> deadLettersBefore) {
        this.load = load;
        this.raises = load.raises();
        this.bearers = bearers;
        this.gateways = gateways;
        this.stores = stores;
        this.serviceUrl = serviceUrl;
        this.timerAgency = timerAgency;
        this.deadLettersBefore = deadLettersBefore;
        this.storedByReference = listStored();
        storedByReference.values().forEach(copies -> copies.forEach(c ->
                organisationOf.put(c.path("id").asText(), c.path("organisation").asText())));
    }

    List<Raise> raises() {
        return raises;
    }

    /** Every stored concern of the run (including copies): id to raising organisation. */
    Map<String, String> storedConcerns() {
        return organisationOf;
    }

    Stored stored() {
        List<String> missing = new CopyOnWriteArrayList<>();
        List<String> changed = new CopyOnWriteArrayList<>();
        AtomicInteger readable = new AtomicInteger();
        // Each organisation reads its own back, all at once: the per-caller rate limit applies to each gateway alone.
        Map<String, List<Raise>> byOrganisation = raises.stream().filter(Raise::wasAccepted)
                .collect(Collectors.groupingBy(Raise::organisation));
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, byOrganisation.size()));
        byOrganisation.values().forEach(own -> readers.execute(() -> own.forEach(raise -> {
            Answer answer = get(PlatformSettings.CONCERN, "/concerns/" + raise.concernId(), raise.organisation());
            if (answer.status() != 200) {
                missing.add(raise.reference() + " " + raise.concernId() + " answered " + answer.status());
            } else if (difference(raise, answer.body()) != null) {
                changed.add(raise.reference() + " " + raise.concernId() + ": " + difference(raise, answer.body()));
            } else {
                readable.incrementAndGet();
            }
        })));
        readers.shutdown();
        try {
            if (!readers.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("reading the concerns back took more than 30 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int duplicates = 0;
        int explained = 0;
        int withoutA2xx = 0;
        Map<String, Raise> byReference = raises.stream().collect(Collectors.toMap(Raise::reference, r -> r));
        for (var entry : storedByReference.entrySet()) {
            Raise raise = byReference.get(entry.getKey());
            int extra = entry.getValue().size() - 1;
            duplicates += extra;
            if (raise != null && raise.outcomeOnceUnknown()) {
                explained += extra;
            }
            if (raise == null || !raise.wasAccepted()) {
                withoutA2xx++;
            }
        }
        List<String> notAccepted = raises.stream().filter(r -> !r.wasAccepted())
                .map(r -> r.reference() + " (" + r.organisation() + "): " + r.attempts()).toList();
        return new Stored(raises.size(), (int) raises.stream().filter(Raise::wasAccepted).count(), readable.get(),
                List.copyOf(missing), List.copyOf(changed),
                notAccepted, organisationOf.size(), duplicates, explained, withoutA2xx);
    }

    Published published() {
        Set<String> ids = organisationOf.keySet();
        List<PlatformStores.OutboxEvent> events = stores.outbox("concerns", ids, List.of(RAISED, ROUTED));
        List<String> eventIds = events.stream().map(PlatformStores.OutboxEvent::eventId).toList();
        Set<String> byNotifications = stores.applied("notifications", "concern-notifications", eventIds);
        Set<String> bySharing = stores.applied("sharing", "concern-replica", eventIds);
        Map<String, Long> deadLettered = new LinkedHashMap<>();
        stores.deadLettered().forEach((topic, count) -> deadLettered.put(topic, count - deadLettersBefore.getOrDefault(topic, 0L)));
        WebhookTally tally = tally();
        int raisedDelivered = (int) organisationOf.entrySet().stream()
                .filter(e -> tally.delivered(new Told(e.getValue(), e.getKey(), RAISED))).count();
        return new Published(2 * ids.size(), events.size(),
                (int) events.stream().filter(PlatformStores.OutboxEvent::published).count(),
                (int) events.stream().filter(e -> e.attempts() > 1).count(), byNotifications.size(), bySharing.size(),
                stores.unpublished(), deadLettered, raisedDelivered, ids.size());
    }

    Delivered delivered() {
        WebhookTally tally = tally();
        List<Told> due = due();
        List<Told> missing = due.stream().filter(t -> !tally.delivered(t)).toList();
        int pendingOrDead = 0;
        for (String organisation : gateways.keySet()) {
            for (String status : List.of("PENDING", "DEAD")) {
                pendingOrDead += (int) deliveries(organisation, status).stream()
                        .filter(d -> organisationOf.containsKey(d.path("subject").asText())).count();
            }
        }
        return new Delivered(due.size(), due.size() - missing.size(), missing, tally.toldMoreThanOnce(), tally.messages(),
                tally.arrivals(), tally.repeatedMessages(), tally.repeatsWithAnotherBody(), pendingOrDead);
    }

    /** {@code withSteps}: also read each concern's steps through the API (slower; for the final count). */
    Timers timers(boolean withSteps) {
        List<String> ids = organisationOf.entrySet().stream().filter(e -> e.getValue().equals(timerAgency))
                .map(Map.Entry::getKey).sorted().toList();
        Map<String, Long> breaches = countByKey(stores.outbox("notifications", ids, List.of(BREACHED)));
        Map<String, Long> escalations = countByKey(stores.outbox("concerns", ids, List.of(ESCALATED)));
        WebhookTally tally = tally();
        List<String> stepsNotOne = new ArrayList<>();
        if (withSteps) {
            for (String id : ids) {
                Answer steps = get(PlatformSettings.CONCERN, "/concerns/" + id + "/steps", timerAgency);
                long escalated = 0;
                for (JsonNode step : steps.body()) {
                    escalated += "ESCALATED".equals(step.path("action").asText()) ? 1 : 0;
                }
                if (steps.status() != 200 || escalated != 1) {
                    stepsNotOne.add(id + " (" + escalated + " escalation steps)");
                }
            }
        }
        return new Timers(ids.size(),
                (int) ids.stream().filter(id -> breaches.getOrDefault(id, 0L) == 1).count(),
                ids.stream().filter(id -> breaches.getOrDefault(id, 0L) > 1).toList(),
                ids.stream().filter(id -> breaches.getOrDefault(id, 0L) == 0).toList(),
                (int) ids.stream().filter(id -> tally.messages(new Told(timerAgency, id, BREACHED)).size() == 1
                        && tally.delivered(new Told(timerAgency, id, BREACHED))).count(),
                (int) ids.stream().filter(id -> escalations.getOrDefault(id, 0L) == 1).count(),
                stepsNotOne);
    }

    /** Whatever is due to the gateways about the run's concerns: raised and routed to the raiser, and for the timer agency also its escalation and the breach. */
    private List<Told> due() {
        List<Told> due = new ArrayList<>();
        organisationOf.forEach((id, organisation) -> {
            due.add(new Told(organisation, id, RAISED));
            due.add(new Told(organisation, id, ROUTED));
            if (organisation.equals(timerAgency)) {
                due.add(new Told(organisation, id, ESCALATED));
                due.add(new Told(organisation, id, BREACHED));
            }
        });
        return due;
    }

    WebhookTally tally() {
        List<WebhookTally.Arrival> all = new ArrayList<>();
        gateways.values().forEach(g -> all.addAll(g.get()));
        return new WebhookTally(all, organisationOf.keySet());
    }

    private static Map<String, Long> countByKey(Collection<PlatformStores.OutboxEvent> events) {
        return events.stream().collect(Collectors.groupingBy(PlatformStores.OutboxEvent::key, Collectors.counting()));
    }

    /**
     * Where the concern read back differs from what the gateway sent and the platform answered with, or null. The 201
     * gives raisedAt to the nanosecond and the database rounds it to the microsecond, so half a microsecond is the same.
     */
    private static String difference(Raise raise, JsonNode stored) {
        JsonNode sent = raise.request();
        JsonNode answered = raise.accepted();
        Map<String, Boolean> same = new LinkedHashMap<>();
        same.put("id", answered.path("id").equals(stored.path("id")));
        same.put("organisation", stored.path("organisation").asText().equals(raise.organisation()));
        same.put("adult.givenName", sent.path("adult").path("givenName").equals(stored.path("adult").path("givenName")));
        same.put("adult.familyName", sent.path("adult").path("familyName").equals(stored.path("adult").path("familyName")));
        same.put("whatHappened", sent.path("whatHappened").equals(stored.path("whatHappened")));
        same.put("urgency", sent.path("urgency").equals(stored.path("urgency")));
        same.put("abuseTypes", sent.path("abuseTypes").equals(stored.path("abuseTypes")));
        same.put("raisedAt", Duration.between(Instant.parse(answered.path("raisedAt").asText()),
                Instant.parse(stored.path("raisedAt").asText())).abs().toNanos() <= 500);
        return same.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** Each organisation's concerns, every page, keeping those this run raised. */
    private Map<String, List<JsonNode>> listStored() {
        Map<String, List<JsonNode>> stored = new HashMap<>();
        for (String organisation : bearers.keySet()) {
            for (int page = 0; ; page++) {
                Answer answer = get(PlatformSettings.CONCERN, "/concerns?size=200&page=" + page, organisation);
                if (answer.status() != 200) {
                    throw new IllegalStateException("listing " + organisation + "'s concerns answered " + answer.status());
                }
                for (JsonNode concern : answer.body()) {
                    String reference = load.referenceIn(concern.path("whatHappened").asText(null));
                    if (reference != null && organisation.equals(concern.path("organisation").asText())) {
                        stored.computeIfAbsent(reference, r -> new ArrayList<>()).add(concern);
                    }
                }
                if (answer.body().size() < 200) {
                    break;
                }
            }
        }
        return stored;
    }

    private List<JsonNode> deliveries(String organisation, String status) {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Answer answer = get(PlatformSettings.NOTIFICATION, "/deliveries?size=200&status=" + status + "&page=" + page, organisation);
            answer.body().forEach(all::add);
            if (answer.status() != 200 || answer.body().size() < 200) {
                return all;
            }
        }
    }

    private record Answer(int status, JsonNode body) {
    }

    /** A GET as the organisation's gateway; told to slow down (429), it waits as long as it is told, as a gateway would. */
    private Answer get(String service, String path, String organisation) {
        try {
            for (int attempt = 1; ; attempt++) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl.apply(service) + path))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", bearers.get(organisation).get())
                        .header("Accept", "application/json").GET().build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 429 && attempt < 60) {
                    Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
                    continue;
                }
                return new Answer(response.statusCode(), Partnership.json(response.body().isEmpty() ? "null" : response.body()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
