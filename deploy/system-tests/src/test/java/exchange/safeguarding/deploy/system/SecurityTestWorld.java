package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.system.TestIdentities.Principal;
import exchange.safeguarding.kit.testing.GatewayReceiver;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The organisations, callers and records the security tests act on, made through the public APIs as agencies would,
 * and kept apart from the demo partnership so those tests can change and break them without disturbing any other test.
 *
 * <p>Home: MATRIX-CARE (a care provider) and MATRIX-COUNCIL (its local authority), area "Matrixshire", with an active
 * agreement; one caller per realm role (care roles at MATRIX-CARE, council roles at MATRIX-COUNCIL, platform-service
 * at PLATFORM). Foreign: MATRIX-FAR-CARE and MATRIX-FAR-COUNCIL in "Farshire", whose records no home caller may see.
 * MATRIX-SPARE is what an administrator may suspend, rename and re-credential.
 *
 * <p>Each record is named by a kind (the placeholders of access-matrix.yaml): {@link #value} gives the record of that
 * kind a caller may act on (its own organisation's, at its step, raised by itself...), another organisation's, or one
 * that does not exist.
 */
final class SecurityTestWorld {

    static final String CARE = "MATRIX-CARE";
    static final String COUNCIL = "MATRIX-COUNCIL";
    static final String SPARE = "MATRIX-SPARE";
    /** The area's police: an emergency service, so the council's emergency disclosure can be honoured. */
    static final String POLICE = "MATRIX-POLICE";
    static final String FAR_CARE = "MATRIX-FAR-CARE";
    static final String FAR_COUNCIL = "MATRIX-FAR-COUNCIL";
    static final String PLATFORM = "PLATFORM";
    static final String MISSING_ORGANISATION = "MATRIX-NO-SUCH-ORG";

    static final List<String> ROLES = List.of("practitioner", "line-manager", "safeguarding-lead", "caldicott-guardian",
            "data-protection-officer", "gateway", "la-safeguarding-officer", "protocol-admin", "auditor", "platform-service");
    private static final List<String> COUNCIL_ROLES = List.of("la-safeguarding-officer", "protocol-admin", "auditor");

    /** Which record a request names: the caller's own, another organisation's, or one that does not exist. */
    enum Variant { OWN, FOREIGN, MISSING }

    private static SecurityTestWorld world;

    final LocalPlatform platform;
    final TestIdentities identities;
    final Map<String, Principal> home = new LinkedHashMap<>();
    final Map<String, Principal> far = new LinkedHashMap<>();
    final GatewayReceiver gateways = new GatewayReceiver();
    private final Runnable awaitReplication;
    /** kind, kind@role or kind@ORGANISATION to a value. */
    private final Map<String, String> own = new LinkedHashMap<>();
    private final Map<String, String> foreign = new LinkedHashMap<>();
    private final LocalDate today = LocalDate.now();
    private final AtomicInteger adults = new AtomicInteger();
    private final String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase();

    private SecurityTestWorld(LocalPlatform platform, Runnable awaitReplication) {
        this.platform = platform;
        this.awaitReplication = awaitReplication;
        this.identities = new TestIdentities(platform.keycloakUrl(), platform.tokenEndpoint());
        Runtime.getRuntime().addShutdownHook(new Thread(gateways::close));
    }

    /** Built once per test JVM (about half a minute), shared by the access matrix and the hostile-input tests. */
    static synchronized SecurityTestWorld get(LocalPlatform platform, Runnable awaitReplication) {
        if (world == null) {
            long started = System.nanoTime();
            world = new SecurityTestWorld(platform, awaitReplication);
            world.build();
            System.out.printf("security test world built in %d ms: %d records%n", (System.nanoTime() - started) / 1_000_000,
                    world.own.size() + world.foreign.size());
        }
        return world;
    }

    Principal principal(String role) {
        return home.get(role);
    }

    String bearer(Principal principal) {
        return identities.bearer(principal);
    }

    /**
     * The value a placeholder stands for, for this caller: ids of records (own, foreign or missing) and a few plain
     * values (org, partner, today, unique...).
     */
    String value(String kind, Principal caller, Variant variant) {
        switch (kind) {
            case "org":
                return variant == Variant.FOREIGN ? FAR_CARE : caller.organisation().equals(PLATFORM) ? CARE : caller.organisation();
            case "partner":
                return variant == Variant.FOREIGN ? FAR_COUNCIL : caller.organisation().equals(COUNCIL) ? CARE : COUNCIL;
            case "today":
                return today.toString();
            case "now":
                return Instant.now().toString();
            case "unique":
                return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            case "gateway-url":
                return gateways.url("/hooks/" + caller.organisation().toLowerCase());
            default:
                break;
        }
        if (variant == Variant.MISSING) {
            return kind.equals("organisation") ? MISSING_ORGANISATION : kind.equals("event-type") ? "no.such.event.v1"
                    : UUID.randomUUID().toString();
        }
        Map<String, String> values = variant == Variant.FOREIGN ? foreign : own;
        for (String key : List.of(kind + "@" + caller.role(), kind + "@" + caller.organisation(), kind)) {
            if (values.containsKey(key)) {
                return values.get(key);
            }
        }
        throw new IllegalStateException("no " + variant + " record of kind '" + kind + "' for " + caller);
    }

    /** Kinds that name a record some organisation owns (as opposed to plain values such as today). */
    boolean isRecord(String kind) {
        return !List.of("org", "partner", "today", "now", "unique", "gateway-url", "event-type").contains(kind);
    }

    private void build() {
        for (String role : ROLES) {
            String organisation = role.equals("platform-service") ? PLATFORM : COUNCIL_ROLES.contains(role) ? COUNCIL : CARE;
            home.put(role, identities.principal("sectest-" + organisation.toLowerCase() + "-" + role, organisation, role));
        }
        for (String role : List.of("practitioner", "line-manager", "safeguarding-lead", "gateway")) {
            far.put(role, identities.principal("sectest-" + FAR_CARE.toLowerCase() + "-" + role, FAR_CARE, role));
        }
        far.put("la-safeguarding-officer", identities.principal("sectest-far-council-la-safeguarding-officer", FAR_COUNCIL,
                "la-safeguarding-officer"));
        organisations();
        agreements();
        awaitReplication.run();
        concerns();
        sharing();
        awaitFollowUps();
    }

    private void organisations() {
        Principal admin = home.get("protocol-admin");
        register(admin, COUNCIL, "Matrix Council Adult Social Care", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "Matrixshire");
        register(admin, CARE, "Matrix Care Homes", "CARE_PROVIDER", "Matrixshire");
        register(admin, SPARE, "Matrix Spare Care", "CARE_PROVIDER", "Matrixshire");
        register(admin, POLICE, "Matrix Police", "POLICE", "Matrixshire");
        register(admin, FAR_COUNCIL, "Far Council Adult Social Care", "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES", "Farshire");
        register(admin, FAR_CARE, "Far Care Homes", "CARE_PROVIDER", "Farshire");
        for (String code : List.of(COUNCIL, CARE, SPARE, POLICE, FAR_COUNCIL, FAR_CARE)) {
            call(admin, "PUT", PlatformSettings.AGREEMENT, "/organisations/" + code + "/safeguarding-setup", setup(code), 200);
            call(admin, "PUT", PlatformSettings.AGREEMENT, "/organisations/" + code + "/gateway",
                    Map.of("url", gateways.url("/hooks/" + code.toLowerCase())), 200);
        }
        own.put("organisation", CARE);
        own.put("organisation@protocol-admin", SPARE);
        own.put("organisation@" + COUNCIL, COUNCIL);
        foreign.put("organisation", FAR_CARE);
        own.put("event-type", "concern.acknowledged.v1");
    }

    private void register(Principal admin, String code, String name, String type, String area) {
        call(admin, "POST", PlatformSettings.AGREEMENT, "/organisations",
                Map.of("code", code, "name", name, "type", type, "areaServed", area), 201, 409);
    }

    /** A complete set-up: response times of a month, so nothing escalates however long a hostile run takes. */
    Map<String, Object> setup(String code) {
        Map<String, String> times = Map.of("EMERGENCY", "P30D", "URGENT", "P30D", "ROUTINE", "P30D", "LOW_LEVEL", "P30D");
        return Map.of(
                "safeguardingLead", Map.of("name", "Lead of " + code, "role", "Designated Safeguarding Lead",
                        "email", "lead@" + code.toLowerCase() + ".example", "phone", "01632 960000"),
                "whistleblowingPolicy", Map.of("reference", "https://" + code.toLowerCase() + ".example/whistleblowing",
                        "owner", "Head of HR", "reviewDate", today.plusYears(1).toString()),
                "escalationRoute", List.of(Map.of("step", "LINE_MANAGER", "responseTimes", times),
                        Map.of("step", "SAFEGUARDING_LEAD", "responseTimes", times),
                        Map.of("step", "LOCAL_AUTHORITY", "responseTimes", times)));
    }

    private void agreements() {
        Principal admin = home.get("protocol-admin");
        JsonNode active = call(admin, "POST", PlatformSettings.AGREEMENT, "/agreements", terms("Matrix protocol", CARE, COUNCIL), 201);
        String activeId = active.path("agreementId").asText();
        call(home.get("safeguarding-lead"), "POST", PlatformSettings.AGREEMENT, "/agreements/" + activeId + "/versions/1/signatures",
                Map.of("signatoryName", "Lead of Matrix Care", "signatoryRole", "Registered Manager"), 200);
        JsonNode signed = call(admin, "POST", PlatformSettings.AGREEMENT, "/agreements/" + activeId + "/versions/1/signatures",
                Map.of("signatoryName", "Director of Matrix Council", "signatoryRole", "Director of Adult Social Services"), 200);
        if (!signed.path("status").asText().equals("ACTIVE")) {
            throw new IllegalStateException("the matrix protocol is not active: " + signed);
        }
        own.put("active-agreement", activeId);
        // A draft between the same parties, for administrators to edit, suspend and terminate.
        own.put("agreement", call(admin, "POST", PlatformSettings.AGREEMENT, "/agreements",
                terms("Matrix draft " + run, CARE, COUNCIL), 201).path("agreementId").asText());
        foreign.put("agreement", call(admin, "POST", PlatformSettings.AGREEMENT, "/agreements",
                terms("Far draft " + run, FAR_CARE, FAR_COUNCIL), 201).path("agreementId").asText());
    }

    Map<String, Object> terms(String title, String... parties) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", title);
        terms.put("parties", java.util.Arrays.stream(parties)
                .map(p -> Map.of("organisation", p, "controllerRelationship", "SEPARATE_CONTROLLERS")).toList());
        Map<String, Object> emergency = new LinkedHashMap<>();
        emergency.put("purpose", "PREVENT_DEATH_OR_SERIOUS_HARM");
        emergency.put("article6Basis", "VITAL_INTERESTS_6_1_D");
        emergency.put("article9Condition", "VITAL_INTERESTS_9_2_C");
        emergency.put("dataCategories", List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION", "HEALTH"));
        Map<String, Object> coordinate = new LinkedHashMap<>();
        coordinate.put("purpose", "COORDINATE_RESPONSES");
        coordinate.put("article6Basis", "PUBLIC_TASK_6_1_E");
        coordinate.put("article9Condition", "SUBSTANTIAL_PUBLIC_INTEREST_9_2_G");
        coordinate.put("schedule1Condition", "SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18");
        coordinate.put("dataCategories", List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION", "HEALTH"));
        terms.put("purposes", List.of(emergency, coordinate));
        terms.put("retentionPeriod", "P6Y");
        terms.put("retentionAndDeletion", "Kept six years after the enquiry closes, then deleted");
        terms.put("security", "Only over Safeguarding Exchange");
        terms.put("dpiaReference", "MATRIX-DPIA-1");
        terms.put("subjectRightsContact", "dpo@matrix.example");
        terms.put("breachContact", "ig@matrix.example");
        terms.put("effectiveFrom", today.toString());
        terms.put("reviewDate", today.plusYears(1).toString());
        return terms;
    }

    private void concerns() {
        Principal practitioner = home.get("practitioner");
        JsonNode emergency = raise(practitioner, "EMERGENCY", null);
        own.put("concern", emergency.path("id").asText());
        own.put("person", emergency.path("adult").path("personId").asText());
        // Each role that acts on a step gets a concern at its step; each raiser one it raised (only the raiser challenges).
        own.put("concern-at-step@line-manager", raise(practitioner, "ROUTINE", null).path("id").asText());
        own.put("concern-at-step@safeguarding-lead", raise(practitioner, "ROUTINE", null).path("id").asText());
        own.put("concern-at-step@la-safeguarding-officer", raise(practitioner, "EMERGENCY", null).path("id").asText());
        own.put("concern-at-step", own.get("concern-at-step@line-manager"));
        for (String raiser : List.of("practitioner", "line-manager", "safeguarding-lead", "la-safeguarding-officer", "gateway")) {
            own.put("concern-raised-by-me@" + raiser, raise(home.get(raiser), "ROUTINE", null).path("id").asText());
        }
        own.put("concern-raised-by-me", own.get("concern-raised-by-me@practitioner"));
        // People to merge: a lead merges two of its organisation's adults, the council two adults of emergencies it holds.
        own.put("person-to-merge@safeguarding-lead", raise(practitioner, "LOW_LEVEL", null).path("adult").path("personId").asText());
        own.put("merge-target@safeguarding-lead", raise(practitioner, "LOW_LEVEL", null).path("adult").path("personId").asText());
        own.put("person-to-merge@la-safeguarding-officer", raise(practitioner, "EMERGENCY", null).path("adult").path("personId").asText());
        own.put("merge-target@la-safeguarding-officer", raise(practitioner, "EMERGENCY", null).path("adult").path("personId").asText());
        own.put("person-to-merge", own.get("person-to-merge@safeguarding-lead"));
        own.put("merge-target", own.get("merge-target@safeguarding-lead"));
        // Three concerns naming one setting open an organisational pattern alert for the area's council.
        for (int i = 0; i < 3; i++) {
            raise(practitioner, "LOW_LEVEL", "Matrix House " + run);
        }

        Principal farPractitioner = far.get("practitioner");
        JsonNode farConcern = raise(farPractitioner, "ROUTINE", null);
        foreign.put("concern", farConcern.path("id").asText());
        foreign.put("person", farConcern.path("adult").path("personId").asText());
        for (String kind : List.of("concern-at-step", "concern-raised-by-me")) {
            foreign.put(kind, foreign.get("concern"));
        }
        JsonNode farOther = raise(farPractitioner, "LOW_LEVEL", null);
        foreign.put("person-to-merge", foreign.get("person"));
        foreign.put("merge-target", farOther.path("adult").path("personId").asText());
        raise(farPractitioner, "EMERGENCY", null); // disclosed to the far council at once: a foreign disclosure and tasks
        for (int i = 0; i < 3; i++) {
            raise(farPractitioner, "LOW_LEVEL", "Far House " + run);
        }
        own.put("pattern-alert", awaitFirst(home.get("la-safeguarding-officer"), PlatformSettings.CONCERN, "/pattern-alerts",
                a -> a.path("subject").asText().contains("matrixhouse")).path("id").asText());
        foreign.put("pattern-alert", awaitFirst(far.get("la-safeguarding-officer"), PlatformSettings.CONCERN, "/pattern-alerts",
                a -> a.path("subject").asText().contains("farhouse")).path("id").asText());
    }

    private JsonNode raise(Principal raiser, String urgency, String setting) {
        int n = adults.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adult", Map.of("givenName", "Matrix" + run, "familyName", "Adult" + n,
                "dateOfBirth", LocalDate.of(1930 + n % 50, 1 + n % 12, 1 + n % 28).toString()));
        body.put("abuseTypes", List.of("NEGLECT_AND_ACTS_OF_OMISSION"));
        body.put("whatHappened", "Security test record " + n + ": missed medication");
        body.put("urgency", urgency);
        if (setting != null) {
            body.put("location", Map.of("type", "CARE_HOME_RESIDENTIAL", "settingName", setting));
        }
        return call(raiser, "POST", PlatformSettings.CONCERN, "/concerns", body, 201);
    }

    private void sharing() {
        Principal practitioner = home.get("practitioner");
        Principal officer = home.get("la-safeguarding-officer");
        String concern = own.get("concern");
        String person = own.get("person");
        own.put("consent-record", call(practitioner, "POST", PlatformSettings.SHARING, "/consent-records",
                consent(person), 201).path("id").asText());
        own.put("consent-record@" + COUNCIL, call(officer, "POST", PlatformSettings.SHARING, "/consent-records",
                consent(person), 201).path("id").asText());
        foreign.put("consent-record", call(far.get("practitioner"), "POST", PlatformSettings.SHARING, "/consent-records",
                consent(foreign.get("person")), 201).path("id").asText());

        // With consent: approved at once and disclosed.
        own.put("sharing-request", call(practitioner, "POST", PlatformSettings.SHARING, "/sharing-requests",
                request(COUNCIL, concern, "COORDINATE_RESPONSES", null), 201).path("id").asText());
        // Without consent, on a ground: waits for a lead or Caldicott guardian.
        JsonNode pending = call(practitioner, "POST", PlatformSettings.SHARING, "/sharing-requests",
                request(COUNCIL, own.get("concern-at-step@line-manager"), "COORDINATE_RESPONSES", "RISK_TO_OTHERS"), 201);
        expect(pending, "outcome", "PENDING_APPROVAL");
        own.put("sharing-request-pending", pending.path("id").asText());
        // To an organisation with no agreement: refused, so it can be challenged (the council sees it: its concern).
        JsonNode refused = call(practitioner, "POST", PlatformSettings.SHARING, "/sharing-requests",
                request(SPARE, concern, "COORDINATE_RESPONSES", null), 201);
        expect(refused, "outcome", "REFUSED");
        own.put("sharing-request-refused", refused.path("id").asText());
        own.put("sharing-challenge", call(practitioner, "POST", PlatformSettings.SHARING,
                "/sharing-requests/" + refused.path("id").asText() + "/challenges", Map.of("reason", "The agreement is being signed"), 201)
                .path("id").asText());
        // The council discloses in an emergency to the area's police: its own disclosure, inform-the-person task and
        // review (an emergency is honoured only for the emergency services, decision 35).
        // The council can pass on only what the concern's emergency routing released to it: wait for that decision.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> call(officer, "GET", PlatformSettings.CONCERN,
                "/concerns/" + concern, null, 200).path("access").path("released").size() > 0);
        JsonNode councilEmergency = call(officer, "POST", PlatformSettings.SHARING, "/sharing-requests",
                emergencyRequest(POLICE, concern), 201);
        expect(councilEmergency, "outcome", "APPROVED");
        own.put("sharing-request@" + COUNCIL, councilEmergency.path("id").asText());

        JsonNode farRefused = call(far.get("practitioner"), "POST", PlatformSettings.SHARING, "/sharing-requests",
                request(SPARE, foreign.get("concern"), "COORDINATE_RESPONSES", null), 201);
        foreign.put("sharing-request", farRefused.path("id").asText());
        foreign.put("sharing-request-pending", farRefused.path("id").asText());
        foreign.put("sharing-request-refused", farRefused.path("id").asText());
        foreign.put("sharing-challenge", call(far.get("practitioner"), "POST", PlatformSettings.SHARING,
                "/sharing-requests/" + farRefused.path("id").asText() + "/challenges", Map.of("reason", "Please reconsider"), 201)
                .path("id").asText());
    }

    private Map<String, Object> consent(String personId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adult", Map.of("personId", personId, "givenName", "Matrix" + run, "familyName", "Consenting"));
        body.put("decision", "GIVEN");
        body.put("purposes", List.of("COORDINATE_RESPONSES"));
        body.put("recipients", List.of(COUNCIL));
        body.put("dataCategories", List.of("IDENTITY", "CONCERN_SUMMARY"));
        body.put("howObtained", "In person");
        body.put("confidentialityLimitsExplained", true);
        return body;
    }

    private Map<String, Object> request(String recipient, String concernId, String purpose, String ground) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("recipient", recipient);
        body.put("concernId", concernId);
        body.put("purpose", purpose);
        body.put("dataCategories", List.of("IDENTITY", "CONCERN_SUMMARY"));
        if (ground != null) {
            body.put("ground", ground);
            body.put("justification", "Others in the home are at risk from the same visitor");
        }
        return body;
    }

    private Map<String, Object> emergencyRequest(String recipient, String concernId) {
        Map<String, Object> body = request(recipient, concernId, "PREVENT_DEATH_OR_SERIOUS_HARM", "VITAL_INTERESTS");
        body.put("emergency", true);
        body.put("justification", "Threatened tonight; the police must know now");
        body.put("emergencyJustification", Map.of("threat", "Her visitor has threatened to come back tonight and hurt her",
                "whyItCouldNotWait", "He is due within hours and there is no time to ask or to wait for approval"));
        return body;
    }

    /** Disclosures are made, and their follow-ups and webhooks created, asynchronously. */
    private void awaitFollowUps() {
        Principal lead = home.get("safeguarding-lead");
        Principal officer = home.get("la-safeguarding-officer");
        Principal farLead = far.get("safeguarding-lead");
        own.put("disclosure", awaitFirst(lead, PlatformSettings.SHARING, "/disclosures?direction=SENT",
                d -> d.path("concernId").asText().equals(own.get("concern")) && d.path("recipient").asText().equals(COUNCIL)
                        && d.path("status").asText().equals("MADE")).path("id").asText());
        foreign.put("disclosure", awaitFirst(farLead, PlatformSettings.SHARING, "/disclosures?direction=SENT",
                d -> d.path("status").asText().equals("MADE")).path("id").asText());
        own.put("inform-task", awaitFirst(lead, PlatformSettings.SHARING, "/inform-the-person", d -> true).path("id").asText());
        own.put("inform-task@" + COUNCIL, awaitFirst(officer, PlatformSettings.SHARING, "/inform-the-person", d -> true).path("id").asText());
        foreign.put("inform-task", awaitFirst(farLead, PlatformSettings.SHARING, "/inform-the-person", d -> true).path("id").asText());
        own.put("review-task", awaitFirst(lead, PlatformSettings.SHARING, "/review-tasks", d -> true).path("id").asText());
        own.put("review-task@" + COUNCIL, awaitFirst(officer, PlatformSettings.SHARING, "/review-tasks", d -> true).path("id").asText());
        foreign.put("review-task", awaitFirst(farLead, PlatformSettings.SHARING, "/review-tasks", d -> true).path("id").asText());

        own.put("delivery", awaitFirst(home.get("gateway"), PlatformSettings.NOTIFICATION, "/deliveries", d -> true).path("id").asText());
        own.put("delivery@" + COUNCIL, awaitFirst(officer, PlatformSettings.NOTIFICATION, "/deliveries", d -> true).path("id").asText());
        foreign.put("delivery", awaitFirst(far.get("gateway"), PlatformSettings.NOTIFICATION, "/deliveries", d -> true).path("id").asText());
        for (String role : ROLES) {
            Principal caller = home.get(role);
            if (role.equals("platform-service") || role.equals("auditor") || role.equals("data-protection-officer")) {
                continue;
            }
            JsonNode message = awaitFirstOrNull(caller, PlatformSettings.NOTIFICATION, "/inbox", m -> true, Duration.ofSeconds(20));
            if (message != null) {
                own.put("inbox-message@" + role, message.path("id").asText());
            }
        }
        own.put("inbox-message", own.get("inbox-message@gateway"));
        foreign.put("inbox-message", awaitFirst(far.get("gateway"), PlatformSettings.NOTIFICATION, "/inbox", m -> true).path("id").asText());
    }

    private JsonNode awaitFirst(Principal caller, String service, String path, Predicate<JsonNode> match) {
        JsonNode found = awaitFirstOrNull(caller, service, path, match, Duration.ofSeconds(60));
        if (found == null) {
            throw new IllegalStateException("nothing matching in " + service + path + " for " + caller + " within 60 s");
        }
        return found;
    }

    private JsonNode awaitFirstOrNull(Principal caller, String service, String path, Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JsonNode item : call(caller, "GET", service, path, null, 200)) {
                if (match.test(item)) {
                    return item;
                }
            }
            if (System.nanoTime() > deadline) {
                return null;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    JsonNode call(Principal caller, String method, String service, String path, Object body, int... expected) {
        RawHttp.Request request = RawHttp.Request.of(method, platform.serviceUrl(service) + path, identities.bearer(caller));
        if (body != null) {
            request = request.json(TestIdentities.write(body));
        }
        RawHttp.Response answer = RawHttp.send(request);
        for (int status : expected) {
            if (answer.status() == status) {
                return answer.json();
            }
        }
        throw new IllegalStateException(caller.clientId() + ": " + request + " answered " + answer);
    }

    private static void expect(JsonNode node, String field, String value) {
        if (!node.path(field).asText().equals(value)) {
            throw new IllegalStateException("expected " + field + " " + value + ": " + node);
        }
    }

    /** Every record kind with its own and foreign values, for the report. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        own.forEach((k, v) -> lines.add("own     " + k + " = " + v));
        foreign.forEach((k, v) -> lines.add("foreign " + k + " = " + v));
        return lines;
    }
}
