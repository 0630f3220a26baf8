package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.deploy.system.AccessExpectations.Expectation;
import exchange.safeguarding.deploy.system.ApiDocuments.Operation;
import exchange.safeguarding.deploy.system.SecurityTestWorld.Variant;
import exchange.safeguarding.deploy.system.TestIdentities.Principal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sends hostile variants of valid requests to every operation with an allowed caller's valid token, within a budget
 * of requests and time, spread evenly over the operations, and checks every answer: never a 5xx, every refusal
 * RFC 9457 problem+json, no stack trace or exception name in any body, no refusal of what must be refused missed, and
 * nothing changed by what was refused (the records every read operation shows are compared before and after, and
 * each create operation's list grows by exactly the creates it accepted).
 */
final class HostileInput {

    /** Markers of a leaked stack trace or internal detail. */
    static final List<String> LEAKS = List.of("at java.", "at org.", "at io.", "\tat ", "Exception", "org.hibernate",
            "SQLState", "PSQLException", "java.lang.", "Caused by", "jakarta.persistence");
    /** Reads whose answers change on their own (deliveries are retried, exports and checks are stamped with the time). */
    private static final Set<String> UNSTABLE_READS = Set.of("GET /deliveries", "GET /deliveries/{id}", "GET /inbox/stream",
            "GET /decision-log/verification", "GET /subject-access");
    /** Fields that change on their own: a new organisation's gateway client is provisioned in the background. */
    private static final Set<String> UNSTABLE_FIELDS = Set.of("gatewayClient", "overdue");

    record Outcome(String operation, HostileRequests.Variant variant, RawHttp.Response response, List<String> problems) {
    }

    private final SecurityTestWorld world;
    private final List<Operation> operations;
    private final Map<String, Expectation> expectations;
    private final int budget;
    private final Duration timeBudget;
    private final int threads;
    private final long seed;

    final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Map<Integer, LongAdder>> statusesByOperation = new ConcurrentHashMap<>();
    /** Creates answered with the concern an earlier request with the same Idempotency-Key raised: nothing new stored. */
    final Map<String, LongAdder> replaysByOperation = new ConcurrentHashMap<>();
    final Map<String, LongAdder> categories = new ConcurrentHashMap<>();
    final LongAdder throttled = new LongAdder();
    long elapsedMillis;

    HostileInput(SecurityTestWorld world, List<Operation> operations, Map<String, Expectation> expectations, int budget,
                 Duration timeBudget, int threads, long seed) {
        this.world = world;
        this.operations = operations.stream().filter(o -> expectations.containsKey(o.key())).toList();
        this.expectations = expectations;
        this.budget = budget;
        this.timeBudget = timeBudget;
        this.threads = threads;
        this.seed = seed;
    }

    /** The caller an operation's hostile requests carry: allowed roles in turn, so no single caller takes them all. */
    private Principal callerOf(int index, Operation operation) {
        List<String> roles = expectations.get(operation.key()).roles();
        return world.principal(roles.get(index % roles.size()));
    }

    private RawHttp.Request valid(int index, Operation operation) {
        Principal caller = callerOf(index, operation);
        return AccessExpectations.request(operation, expectations.get(operation.key()), caller, Variant.OWN, world,
                world.bearer(caller)).request();
    }

    /** Acting on an existing record: only what must be refused is sent, so anything accepted is a finding. */
    static boolean changesRecords(Operation operation) {
        return !operation.method().equals("GET") && !(operation.method().equals("POST") && !operation.path().contains("{"));
    }

    void run() throws InterruptedException {
        Map<String, String> before = snapshot();
        Map<String, Integer> countsBefore = listCounts();
        List<Generator> generators = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            generators.add(new Generator(i, operations.get(i)));
        }
        AtomicInteger sent = new AtomicInteger();
        long deadline = System.nanoTime() + timeBudget.toNanos();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (sent.incrementAndGet() <= budget && System.nanoTime() < deadline) {
                    Generator generator = generators.get(Math.floorMod(next.getAndIncrement(), generators.size()));
                    HostileRequests.Variant variant = generator.next();
                    if (variant != null) {
                        send(generator.operation, generator.caller, variant);
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeBudget.toSeconds() + 300, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            failures.add("the hostile requests did not finish in time");
        }
        elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        compare(before, snapshot());
        Map<String, Integer> countsAfter = listCounts();
        Map<String, Long> accepted = new LinkedHashMap<>();
        forEachCreate((create, list, caller) -> {
            long done = create.path().endsWith("/preview") ? 0 // a preview records nothing
                    : statusesByOperation.getOrDefault(create.key(), Map.of()).entrySet().stream()
                    .filter(e -> e.getKey() / 100 == 2).mapToLong(e -> e.getValue().sum()).sum()
                    - replaysByOperation.getOrDefault(create.key(), new LongAdder()).sum();
            accepted.merge(list.key() + " as " + caller.organisation(), done, Long::sum);
        });
        countsBefore.forEach((list, count) -> {
            int grown = countsAfter.get(list) - count;
            if (grown != accepted.getOrDefault(list, 0L)) {
                failures.add(list + ": the list grew by " + grown + " while " + accepted.get(list)
                        + " creates were accepted (a refused create must store nothing)");
            }
        });
    }

    private interface CreateVisitor {
        void visit(Operation create, Operation list, Principal caller);
    }

    /** Each create (a POST to a collection) with the list that shows what it created and the caller it runs as. */
    private void forEachCreate(CreateVisitor visitor) {
        for (int i = 0; i < operations.size(); i++) {
            Operation create = operations.get(i);
            if (!create.method().equals("POST") || create.path().contains("{")) {
                continue;
            }
            String listPath = create.path().endsWith("/preview") ? create.path().substring(0, create.path().length() - 8)
                    : create.path();
            Principal caller = callerOf(i, create);
            operations.stream().filter(o -> o.method().equals("GET") && o.path().equals(listPath)).findFirst()
                    .ifPresent(list -> visitor.visit(create, list, caller));
        }
    }

    /** How many records each create's list shows the creating caller's organisation. */
    private Map<String, Integer> listCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        forEachCreate((create, list, caller) -> {
            List<String> roles = expectations.get(list.key()).roles();
            for (int r = 0; r < roles.size(); r++) {
                if (world.principal(roles.get(r)).organisation().equals(caller.organisation())) {
                    int index = r;
                    counts.computeIfAbsent(list.key() + " as " + caller.organisation(), k -> readAll(list, index).size());
                    return;
                }
            }
        });
        return counts;
    }

    /** Variants of one operation: every deterministic one first, then random ones (seeded) for long runs. */
    private final class Generator {
        final Operation operation;
        final int index;
        final Random random;
        List<HostileRequests.Variant> deterministic;
        int position;

        final Principal caller;

        Generator(int index, Operation operation) {
            this.index = index;
            this.operation = operation;
            this.caller = callerOf(index, operation);
            this.random = new Random(seed + index);
        }

        synchronized HostileRequests.Variant next() {
            if (deterministic == null) {
                deterministic = HostileRequests.variants(operation, valid(index, operation), changesRecords(operation));
                Collections.shuffle(deterministic, random);
            }
            if (position < deterministic.size()) {
                return deterministic.get(position++);
            }
            // A fresh valid request now and then: unique codes and the current time stay current.
            return HostileRequests.random(operation, valid(index, operation), changesRecords(operation), random, deterministic);
        }
    }

    private void send(Operation operation, Principal caller, HostileRequests.Variant variant) {
        RawHttp.Response response = null;
        // Variants are built once; a long run outlives the token they were built with.
        RawHttp.Request request = variant.request().withBearer(world.bearer(caller));
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                response = RawHttp.send(request);
            } catch (RuntimeException e) {
                response = new RawHttp.Response(599, Map.of(), "no answer: " + e);
            }
            if (response.status() != 429) {
                break;
            }
            throttled.increment();
            long wait = Long.parseLong(response.header("retry-after").orElse("1"));
            sleep(Duration.ofSeconds(Math.min(wait, 5)));
        }
        List<String> problems = check(variant, response);
        statusesByOperation.computeIfAbsent(operation.key(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(response.status(), k -> new LongAdder()).increment();
        if (response.header("idempotent-replayed").filter("true"::equals).isPresent()) {
            replaysByOperation.computeIfAbsent(operation.key(), k -> new LongAdder()).increment();
        }
        categories.computeIfAbsent(variant.category(), k -> new LongAdder()).increment();
        Outcome outcome = new Outcome(operation.key(), variant, response, problems);
        outcomes.add(outcome);
        if (!problems.isEmpty()) {
            failures.add(operation.key() + " [" + variant.category() + ": " + variant.description() + "] " + problems
                    + "\n  sent " + variant.request() + "\n  got  " + response);
        }
    }

    static List<String> check(HostileRequests.Variant variant, RawHttp.Response response) {
        List<String> problems = new ArrayList<>();
        if (response.status() >= 500) {
            problems.add("a server error");
        }
        if (response.status() >= 400 && response.status() < 500) {
            JsonNode problem = response.json();
            if (!response.isProblem()) {
                problems.add("a refusal that is not application/problem+json");
            } else if (!problem.path("type").isTextual() || !problem.path("title").isTextual()
                    || problem.path("status").asInt() != response.status()) {
                problems.add("a problem without the RFC 9457 type, title and matching status");
            }
        }
        for (String leak : LEAKS) {
            if (response.body().contains(leak) && !new String(variant.request().body() == null ? new byte[0]
                    : variant.request().body(), java.nio.charset.StandardCharsets.UTF_8).contains(leak)) {
                problems.add("the body contains '" + leak + "'");
            }
        }
        if (variant.mustRefuse() && response.status() < 400) {
            problems.add("accepted a request it must refuse");
        }
        return problems;
    }

    /** What every stable read operation answers its first allowed caller (every page of a paged list). */
    private Map<String, String> snapshot() {
        Map<String, String> snapshot = new TreeMap<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation operation = operations.get(i);
            if (!operation.method().equals("GET") || UNSTABLE_READS.contains(operation.key())) {
                continue;
            }
            snapshot.put(operation.key(), readAll(operation, 0).toString());
        }
        return snapshot;
    }

    private JsonNode readAll(Operation operation, int callerIndex) {
        RawHttp.Request request = valid(callerIndex, operation);
        boolean paged = operation.parameters().stream().anyMatch(p -> p.name().equals("page"));
        if (!paged) {
            return answer(request);
        }
        var all = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        String base = request.url().replaceAll("[?&](page|size)=[^&]*", "");
        for (int page = 0; ; page++) {
            String url = base + (base.contains("?") ? "&" : "?") + "page=" + page + "&size=200";
            JsonNode items = answer(new RawHttp.Request("GET", url, request.bearer(), null, null, Map.of()));
            items.forEach(all::add);
            if (items.size() < 200) {
                return all;
            }
        }
    }

    private JsonNode answer(RawHttp.Request request) {
        RawHttp.Response response = RawHttp.send(request);
        if (response.status() != 200) {
            throw new IllegalStateException("the read for the state snapshot failed: " + request + " -> " + response);
        }
        return response.json();
    }

    private void compare(Map<String, String> before, Map<String, String> after) {
        before.forEach((read, json) -> {
            JsonNode was = new RawHttp.Response(200, Map.of(), json).json();
            JsonNode now = new RawHttp.Response(200, Map.of(), after.get(read)).json();
            if (was.isArray() && now.isArray()) {
                Map<String, JsonNode> byId = new LinkedHashMap<>();
                now.forEach(item -> byId.put(identity(item), stable(item)));
                for (JsonNode item : was) {
                    JsonNode later = byId.get(identity(item));
                    if (later == null || !later.equals(stable(item))) {
                        failures.add(read + ": a record changed or went missing while hostile requests were refused:\n  before "
                                + item + "\n  after  " + later);
                    }
                }
            } else if (!stable(was).equals(stable(now))) {
                failures.add(read + " answers differently after the hostile requests:\n  before " + was + "\n  after  " + now);
            }
        });
    }

    private static String identity(JsonNode item) {
        for (String field : List.of("id", "code", "eventType", "agreementId")) {
            if (item.has(field)) {
                return item.path(field).asText();
            }
        }
        return item.toString();
    }

    private static JsonNode stable(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = node.deepCopy();
        UNSTABLE_FIELDS.forEach(copy::remove);
        return copy;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Counts per operation and per status, by category, and every finding. */
    String report(String command) {
        StringBuilder out = new StringBuilder();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statusesByOperation.values().forEach(m -> m.forEach((status, n) -> byStatus.merge(status, n.sum(), Long::sum)));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        out.append(String.format("Hostile input: %d requests to %d operations in %d ms (%d threads, seed %d), %d findings%n",
                total, operations.size(), elapsedMillis, threads, seed, failures.size()));
        out.append("Command: ").append(command).append('\n');
        out.append("Throttled (429, waited and resent): ").append(throttled.sum()).append("\n\nBy status:\n");
        byStatus.forEach((status, n) -> out.append(String.format("  %d  %d%n", status, n)));
        out.append("\nBy kind of hostility:\n");
        new TreeMap<>(categories).forEach((category, n) -> out.append(String.format("  %-18s %d%n", category, n.sum())));
        out.append("\nBy operation (status x count):\n");
        new TreeMap<>(statusesByOperation).forEach((operation, statuses) -> out.append(String.format("  %-64s %s%n", operation,
                new TreeMap<>(statuses).entrySet().stream().map(e -> e.getKey() + "x" + e.getValue().sum())
                        .reduce((a, b) -> a + " " + b).orElse(""))));
        if (!failures.isEmpty()) {
            out.append("\nFindings:\n");
            synchronized (failures) {
                failures.forEach(f -> out.append(f).append('\n'));
            }
        }
        return out.toString();
    }
}
