package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.system.AccessExpectations.Built;
import exchange.safeguarding.deploy.system.AccessExpectations.Expectation;
import exchange.safeguarding.deploy.system.ApiDocuments.Operation;
import exchange.safeguarding.deploy.system.SecurityTestWorld.Variant;
import exchange.safeguarding.deploy.system.TestIdentities.Principal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs the access matrix against the running platform: every operation of the OpenAPI documents, without a token,
 * with each token a service must refuse, as each realm role, on another organisation's records and on missing ones.
 * Requests that must be refused run first; the allowed ones, which change records, run last.
 */
final class AccessMatrix {

    /**
     * What a cell expects: an exact status, or "allowed": done (2xx), or refused by the state of the record (409) or a
     * rule of the domain (422), which the service decides only after authentication, authorisation and scoping. A 400
     * is not "allowed": the matrix's request must be valid, or the cell would prove nothing.
     */
    record Expected(Integer status, String why) {
        static final Expected ALLOWED = new Expected(null, "allowed");

        boolean accepts(int actual) {
            return status == null ? actual / 100 == 2 || actual == 409 || actual == 422 : actual == status;
        }

        @Override
        public String toString() {
            return status == null ? "allowed" : String.valueOf(status);
        }
    }

    record Cell(String operation, String column, Expected expected, RawHttp.Request request, RawHttp.Response response,
                String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private final SecurityTestWorld world;
    private final List<Operation> operations;
    private final Map<String, Expectation> expectations;
    final List<Cell> cells = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    AccessMatrix(SecurityTestWorld world, List<Operation> operations, Map<String, Expectation> expectations) {
        this.world = world;
        this.operations = operations;
        this.expectations = expectations;
    }

    /** Every operation documented is in the matrix and vice versa, with the same roles; returns what differs. */
    List<String> coverageProblems() {
        List<String> problems = new ArrayList<>();
        Set<String> documented = operations.stream().map(Operation::key).collect(Collectors.toCollection(TreeSet::new));
        for (String key : documented) {
            if (!expectations.containsKey(key)) {
                problems.add(key + " is in an OpenAPI document but not in access-matrix.yaml: add who may call it");
            }
        }
        for (String key : expectations.keySet()) {
            if (!documented.contains(key)) {
                problems.add(key + " is in access-matrix.yaml but in no OpenAPI document: remove it or document the operation");
            }
        }
        for (Operation operation : operations) {
            Expectation expectation = expectations.get(operation.key());
            if (operation.roles().isEmpty()) {
                problems.add(operation.key() + " declares no role in its OpenAPI document: every operation needs one");
            } else if (expectation != null && !new TreeSet<>(operation.roles()).equals(new TreeSet<>(expectation.roles()))) {
                problems.add(operation.key() + " allows " + new TreeSet<>(operation.roles()) + " in its OpenAPI document but "
                        + new TreeSet<>(expectation.roles()) + " in access-matrix.yaml");
            }
        }
        return problems;
    }

    void run() {
        List<Operation> covered = operations.stream().filter(o -> expectations.containsKey(o.key())).toList();
        Principal model = world.principal("practitioner");
        Map<String, String> refused = world.identities.refusedTokens(model);
        Map<String, String> before = foreignSnapshot();
        for (Operation operation : covered) {
            Expectation expectation = expectations.get(operation.key());
            Principal caller = expectation.roles().isEmpty() ? model : world.principal(expectation.roles().get(0));
            check(operation, "no token", expectation, caller, Variant.OWN, null, new Expected(401, "no token"));
            refused.forEach((what, bearer) -> check(operation, what, expectation, caller, Variant.OWN, bearer,
                    new Expected(401, what)));
            for (String role : SecurityTestWorld.ROLES) {
                if (!expectation.roles().contains(role)) {
                    Principal denied = world.principal(role);
                    check(operation, role, expectation, denied, Variant.OWN, world.bearer(denied),
                            new Expected(403, "role not allowed"));
                }
            }
            scoping(operation, expectation);
        }
        Map<String, String> after = foreignSnapshot();
        before.forEach((what, json) -> {
            if (!json.equals(after.get(what))) {
                failures.add("another organisation's " + what + " changed while it was refused to others:\n  before " + json
                        + "\n  after  " + after.get(what));
            }
        });
        for (Operation operation : covered) {
            Expectation expectation = expectations.get(operation.key());
            for (String role : expectation.roles()) {
                Principal allowed = world.principal(role);
                Integer exact = expectation.expect().get(role);
                Expected expected = exact == null ? Expected.ALLOWED : new Expected(exact, expectation.expectWhy().get(role));
                Cell cell = check(operation, role, expectation, allowed, Variant.OWN, world.bearer(allowed), expected);
                if (expectation.lists() != null && cell.ok() && !expectation.seesAll().contains(role)) {
                    String foreignRecord = world.value(expectation.lists(), allowed, Variant.FOREIGN);
                    if (cell.response().body().contains(foreignRecord)) {
                        fail(cell, "the list names another organisation's " + expectation.lists() + " " + foreignRecord);
                    }
                }
            }
        }
    }

    /** Another organisation's records, and missing ones, for every allowed role. */
    private void scoping(Operation operation, Expectation expectation) {
        boolean namesRecords = expectation.kinds().stream().anyMatch(world::isRecord);
        if (!namesRecords && expectation.foreignStatus() == null) {
            return;
        }
        for (String role : expectation.roles()) {
            Principal caller = world.principal(role);
            boolean seesAll = expectation.seesAll().contains(role);
            if (seesAll && !operation.method().equals("GET")) {
                continue; // an administrator may change any organisation's records: covered on its own ones, last
            }
            Expected foreignExpected = seesAll ? new Expected(null, "sees every organisation's")
                    : expectation.foreignStatus() != null ? new Expected(expectation.foreignStatus(), expectation.foreignWhy())
                    : new Expected(404, "another organisation's record answers as if missing");
            Checked foreign = checked(operation, "foreign:" + role, expectation, caller, Variant.FOREIGN, world.bearer(caller),
                    foreignExpected);
            if (seesAll || !namesRecords) {
                continue;
            }
            Expected missingExpected = expectation.foreignStatus() == null ? new Expected(404, "a record that does not exist")
                    : new Expected(expectation.foreignStatus(), "as for another organisation's: " + expectation.foreignWhy());
            Checked missing = checked(operation, "missing:" + role, expectation, caller, Variant.MISSING, world.bearer(caller),
                    missingExpected);
            if (foreign.ok() && missing.ok() && expectation.foreignSameAsMissing()) {
                String foreignShape = foreign.built.normalise(foreign.cell.response().body());
                String missingShape = missing.built.normalise(missing.cell.response().body());
                if (!sameShape(foreignShape, missingShape)
                        || !foreign.cell.response().contentType().equals(missing.cell.response().contentType())) {
                    fail(foreign.cell, "another organisation's record answers differently from a missing one:\n  foreign "
                            + foreignShape + "\n  missing " + missingShape);
                }
            }
        }
    }

    private static boolean sameShape(String a, String b) {
        JsonNode x = new RawHttp.Response(200, Map.of(), a).json();
        JsonNode y = new RawHttp.Response(200, Map.of(), b).json();
        return x.isMissingNode() ? a.equals(b) : x.equals(y);
    }

    /** A cell and the request it was built from (for comparing answers). */
    private record Checked(Cell cell, Built built) {
        boolean ok() {
            return cell.ok();
        }
    }

    private Cell check(Operation operation, String column, Expectation expectation, Principal caller, Variant variant,
                       String bearer, Expected expected) {
        return checked(operation, column, expectation, caller, variant, bearer, expected).cell;
    }

    private Checked checked(Operation operation, String column, Expectation expectation, Principal caller, Variant variant,
                            String bearer, Expected expected) {
        Built built = AccessExpectations.request(operation, expectation, caller, variant, world, bearer);
        RawHttp.Response response = RawHttp.send(built.request());
        String failure = null;
        if (response.status() >= 500) {
            failure = "server error";
        } else if (!expected.accepts(response.status())) {
            failure = "expected " + expected + " (" + expected.why() + ")";
        } else if (response.status() >= 400 && response.status() != 401 && !response.isProblem()) {
            failure = "a refusal that is not application/problem+json";
        }
        Cell cell = new Cell(operation.key(), column, expected, built.request(), response, failure);
        cells.add(cell);
        if (failure != null) {
            failures.add(describe(cell));
        }
        return new Checked(cell, built);
    }

    private void fail(Cell cell, String why) {
        Cell failed = new Cell(cell.operation(), cell.column(), cell.expected(), cell.request(), cell.response(), why);
        cells.set(cells.lastIndexOf(cell), failed);
        failures.add(describe(failed));
    }

    private static String describe(Cell cell) {
        return cell.operation() + " [" + cell.column() + "]: " + cell.failure() + "\n  sent " + cell.request()
                + "\n  got  " + cell.response();
    }

    /** Another organisation's records as their owners see them, to show the refused requests changed nothing. */
    private Map<String, String> foreignSnapshot() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        Principal practitioner = world.far.get("practitioner");
        Principal lead = world.far.get("safeguarding-lead");
        Principal admin = world.principal("protocol-admin");
        Principal officer = world.far.get("la-safeguarding-officer");
        Principal gateway = world.far.get("gateway");
        snapshot.put("organisation", read(admin, PlatformSettings.AGREEMENT, "/organisations/" + SecurityTestWorld.FAR_CARE));
        snapshot.put("agreement", read(admin, PlatformSettings.AGREEMENT, "/agreements/" + foreign("agreement")));
        snapshot.put("concern", read(practitioner, PlatformSettings.CONCERN, "/concerns/" + foreign("concern")));
        snapshot.put("concern steps", read(practitioner, PlatformSettings.CONCERN, "/concerns/" + foreign("concern") + "/steps"));
        snapshot.put("chronology", read(practitioner, PlatformSettings.CONCERN, "/persons/" + foreign("person") + "/chronology"));
        snapshot.put("pattern alert", read(officer, PlatformSettings.CONCERN, "/pattern-alerts/" + foreign("pattern-alert")));
        snapshot.put("consent record", read(practitioner, PlatformSettings.SHARING, "/consent-records/" + foreign("consent-record")));
        snapshot.put("sharing request", read(practitioner, PlatformSettings.SHARING, "/sharing-requests/" + foreign("sharing-request")));
        snapshot.put("challenges", read(practitioner, PlatformSettings.SHARING,
                "/sharing-requests/" + foreign("sharing-request") + "/challenges"));
        snapshot.put("disclosure", read(lead, PlatformSettings.SHARING, "/disclosures/" + foreign("disclosure")));
        snapshot.put("inform-the-person tasks", read(lead, PlatformSettings.SHARING, "/inform-the-person"));
        snapshot.put("review tasks", read(lead, PlatformSettings.SHARING, "/review-tasks"));
        snapshot.put("delivery", read(gateway, PlatformSettings.NOTIFICATION, "/deliveries/" + foreign("delivery")));
        snapshot.put("inbox", read(gateway, PlatformSettings.NOTIFICATION, "/inbox?size=200"));
        return snapshot;
    }

    private String foreign(String kind) {
        return world.value(kind, world.far.get("practitioner"), Variant.FOREIGN);
    }

    private String read(Principal owner, String service, String path) {
        return world.call(owner, "GET", service, path, null, 200).toString();
    }

    /** The matrix as a table (operation x column: the status seen, ! when not as expected) and every cell in detail. */
    String report() {
        List<String> columns = new ArrayList<>();
        columns.add("no token");
        columns.add("refused tokens");
        columns.addAll(SecurityTestWorld.ROLES);
        columns.add("foreign");
        columns.add("missing");
        Map<String, Map<String, List<Cell>>> byOperation = new LinkedHashMap<>();
        for (Cell cell : cells) {
            String column = cell.column().startsWith("foreign:") ? "foreign" : cell.column().startsWith("missing:") ? "missing"
                    : SecurityTestWorld.ROLES.contains(cell.column()) || cell.column().equals("no token") ? cell.column()
                    : "refused tokens";
            byOperation.computeIfAbsent(cell.operation(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(column, k -> new ArrayList<>()).add(cell);
        }
        StringBuilder out = new StringBuilder();
        long failed = cells.stream().filter(c -> !c.ok()).count();
        out.append(String.format("Access matrix: %d operations x %d columns, %d requests, %d not as expected%n",
                byOperation.size(), columns.size(), cells.size(), failed));
        out.append("Each cell: the statuses seen (a role's own records; foreign: another organisation's; missing: none).\n");
        out.append("'!' marks a cell not as expected. Roles not allowed expect 403, no or refused tokens 401.\n\n");
        int width = byOperation.keySet().stream().mapToInt(String::length).max().orElse(20);
        out.append(String.format("%-" + width + "s", "operation"));
        for (String column : columns) {
            out.append(" | ").append(String.format("%-14s", abbreviateColumn(column)));
        }
        out.append('\n');
        byOperation.forEach((operation, row) -> {
            out.append(String.format("%-" + width + "s", operation));
            for (String column : columns) {
                List<Cell> inCell = row.getOrDefault(column, List.of());
                String statuses = inCell.stream().map(c -> c.response().status() + (c.ok() ? "" : "!"))
                        .collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting()))
                        .entrySet().stream().map(e -> e.getValue() > 1 ? e.getKey() + "x" + e.getValue() : e.getKey())
                        .collect(Collectors.joining(","));
                out.append(" | ").append(String.format("%-14s", inCell.isEmpty() ? "-" : statuses));
            }
            out.append('\n');
        });
        out.append("\nEvery request (operation [column] expected -> actual):\n");
        for (Cell cell : cells) {
            out.append(String.format("%s [%s] %s -> %d%s%n", cell.operation(), cell.column(), cell.expected(),
                    cell.response().status(), cell.ok() ? "" : "   NOT AS EXPECTED: " + cell.failure()));
        }
        if (!failures.isEmpty()) {
            out.append("\nNot as expected:\n");
            failures.forEach(f -> out.append(f).append('\n'));
        }
        return out.toString();
    }

    private static String abbreviateColumn(String column) {
        return switch (column) {
            case "safeguarding-lead" -> "sg-lead";
            case "caldicott-guardian" -> "caldicott";
            case "data-protection-officer" -> "dpo";
            case "la-safeguarding-officer" -> "la-officer";
            case "protocol-admin" -> "admin";
            case "platform-service" -> "platform";
            default -> column;
        };
    }
}
