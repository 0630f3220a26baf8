package exchange.safeguarding.deploy.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.PlatformSettings;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Seeds the Northshire demo partnership through the platform's public REST APIs, as its administrator and
 * its people would: a council, police, an NHS trust, an ambulance service, two care providers, a housing
 * association and a charity, each set up and active; one signed, active protocol between all of them but the
 * charity (so that a request from or to the charity is refused until an agreement is made); and a handful of
 * concerns. Whatever already exists is left as it is, so a second start of a platform that kept its data
 * changes nothing.
 */
public final class DemoPartnership {

    public static final String COUNCIL = "NORTHSHIRE-ASC";
    public static final String POLICE = "NORTHSHIRE-POLICE";
    public static final String NHS = "NORTHSHIRE-NHS";
    public static final String AMBULANCE = "NORTHSHIRE-AMBULANCE";
    public static final String MEADOWBANK = "MEADOWBANK-CARE";
    public static final String ORCHARD = "ORCHARD-CARE";
    public static final String HOMES = "NORTHSHIRE-HOMES";
    public static final String CHARITY = "BRIGHTER-DAYS";
    public static final String PROTOCOL_TITLE = SharingProtocol.TITLE;

    /** Registers organisations, sets them up and drafts the protocol (protocol-admin at the council). */
    static final String ADMINISTRATOR = "asc.admin";
    private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(90);

    /** What the seeding did: one line per thing created, and one per thing found already there. */
    public record Report(List<String> created, List<String> existing) {
        public boolean createdAnything() {
            return !created.isEmpty();
        }
    }

    private final PlatformCalls calls;
    private final Function<String, String> serviceUrl;
    private final Consumer<Duration> awaitReplication;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final List<String> created = new ArrayList<>();
    private final List<String> existing = new ArrayList<>();

    /**
     * @param tokenEndpoint    Keycloak's token endpoint of the safeguarding realm
     * @param serviceUrl       base URL of a service, by {@link PlatformSettings} service name
     * @param awaitReplication waits until the services that copy organisations and agreements have caught up
     */
    public DemoPartnership(String tokenEndpoint, Function<String, String> serviceUrl, Consumer<Duration> awaitReplication) {
        this.calls = new PlatformCalls(tokenEndpoint);
        this.serviceUrl = serviceUrl;
        this.awaitReplication = awaitReplication;
    }

    public Report seed() {
        List<DemoOrganisation> partnership = DemoOrganisation.partnership();
        for (DemoOrganisation organisation : partnership) {
            register(organisation);
            setUp(organisation);
        }
        List<DemoOrganisation> parties = partnership.stream().filter(o -> !o.code().equals(CHARITY)).toList();
        boolean protocolActive = protocol(parties);
        // Concerns are routed by concern-service's copy of the organisations: raised before it knows the
        // council and the area, they would have no local authority.
        if (protocolActive) {
            awaitSharingKnowsTheProtocol();
        }
        awaitReplication.accept(REPLICATION_TIMEOUT);
        DemoConcern.all().forEach(this::raise);
        return new Report(List.copyOf(created), List.copyOf(existing));
    }

    private void register(DemoOrganisation organisation) {
        var answer = PlatformCalls.expect(calls.post(agreements("/organisations"), ADMINISTRATOR, organisation.registration()),
                "register " + organisation.code(), 201, 409);
        if (answer.is(201)) {
            created("registered " + organisation.code() + " (" + organisation.name() + ")");
        }
    }

    private void setUp(DemoOrganisation organisation) {
        JsonNode current = PlatformCalls.expect(calls.get(agreements("/organisations/" + organisation.code()), ADMINISTRATOR),
                "read " + organisation.code(), 200).body();
        String status = current.path("status").asText();
        if (!status.equals("INCOMPLETE")) {
            // ACTIVE: set up already (maybe changed by hand since: keep it). SUSPENDED: an administrator's decision.
            existing(organisation.code() + " is " + status);
            return;
        }
        JsonNode after = PlatformCalls.expect(calls.put(agreements("/organisations/" + organisation.code() + "/safeguarding-setup"),
                ADMINISTRATOR, organisation.safeguardingSetup(today)), "set up " + organisation.code(), 200).body();
        if (!after.path("status").asText().equals("ACTIVE")) {
            throw new IllegalStateException(organisation.code() + " is still not active: " + after.path("missing"));
        }
        created("set up " + organisation.code() + ": lead " + organisation.lead().name() + ", whistleblowing policy, "
                + "escalation route; ACTIVE");
    }

    /** Drafts the protocol if it does not exist and has every party sign what is still unsigned; true when it is active. */
    private boolean protocol(List<DemoOrganisation> parties) {
        JsonNode found = findProtocol();
        String agreementId;
        JsonNode version;
        if (found == null) {
            version = PlatformCalls.expect(calls.post(agreements("/agreements"), ADMINISTRATOR,
                    SharingProtocol.terms(parties, today)), "draft the protocol", 201).body();
            agreementId = version.path("agreementId").asText();
            created("drafted " + version.path("reference").asText() + " \"" + SharingProtocol.TITLE + "\" between "
                    + parties.size() + " organisations");
        } else {
            agreementId = found.path("id").asText();
            version = found.path("versions").get(found.path("versions").size() - 1);
            if (inForce(found)) {
                existing(found.path("reference").asText() + " \"" + SharingProtocol.TITLE + "\" is in force");
                return true;
            }
            String status = version.path("status").asText();
            if (!status.equals("DRAFT") && !status.equals("AWAITING_SIGNATURES")) {
                existing(found.path("reference").asText() + " is " + status + "; left as it is");
                return false;
            }
        }
        int number = version.path("version").asInt();
        Set<String> signed = new HashSet<>();
        version.path("signatures").forEach(s -> signed.add(s.path("organisation").asText()));
        for (DemoOrganisation party : parties) {
            if (signed.contains(party.code())) {
                continue;
            }
            DemoOrganisation.Signatory signatory = party.signatory();
            version = PlatformCalls.expect(calls.post(agreements("/agreements/" + agreementId + "/versions/" + number + "/signatures"),
                    signatory.username(), Map.of("signatoryName", signatory.name(), "signatoryRole", signatory.role())),
                    party.code() + " signs the protocol", 200).body();
            created(signatory.name() + " signed for " + party.code());
        }
        String status = version.path("status").asText();
        if (!status.equals("ACTIVE")) {
            throw new IllegalStateException("the protocol is " + status + ", waiting for " + version.path("waitingFor"));
        }
        created(version.path("reference").asText() + " version " + number + " is ACTIVE");
        return true;
    }

    private JsonNode findProtocol() {
        JsonNode all = PlatformCalls.expect(calls.get(agreements("/agreements"), ADMINISTRATOR), "list agreements", 200).body();
        for (JsonNode agreement : all) {
            for (JsonNode version : agreement.path("versions")) {
                if (SharingProtocol.TITLE.equals(version.path("terms").path("title").asText())) {
                    return agreement;
                }
            }
        }
        return null;
    }

    private static boolean inForce(JsonNode agreement) {
        for (JsonNode version : agreement.path("versions")) {
            if (version.path("status").asText().equals("ACTIVE")) {
                return true;
            }
        }
        return false;
    }

    /** sharing-service decides with its copy of the agreements; the preview records and shares nothing. */
    private void awaitSharingKnowsTheProtocol() {
        Map<String, Object> probe = Map.of("recipient", COUNCIL, "purpose", "COORDINATE_RESPONSES",
                "dataCategories", List.of("IDENTITY"),
                "adult", Map.of("givenName", "Preview", "familyName", "Only", "dateOfBirth", "1950-01-01"));
        long deadline = System.nanoTime() + REPLICATION_TIMEOUT.toNanos();
        while (true) {
            var answer = calls.post(sharing("/sharing-requests/preview"), "care.lead", probe);
            if (answer.is(200) && !answer.body().path("agreement").isNull() && !answer.body().path("agreement").isMissingNode()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("sharing-service did not learn of the protocol within "
                        + REPLICATION_TIMEOUT.toSeconds() + " s: " + answer.body());
            }
            pause();
        }
    }

    private void raise(DemoConcern concern) {
        JsonNode mine = PlatformCalls.expect(calls.get(concerns("/concerns?page=0&size=200"), concern.raisedBy()),
                "list " + concern.organisation() + "'s concerns", 200).body();
        for (JsonNode known : mine) {
            if (concern.whatHappened().equals(known.path("whatHappened").asText())) {
                existing("concern about " + name(concern) + " from " + concern.organisation());
                return;
            }
        }
        JsonNode raised = PlatformCalls.expect(calls.post(concerns("/concerns"), concern.raisedBy(), concern.body()),
                "raise a concern for " + concern.organisation(), 201).body();
        String id = raised.path("id").asText();
        created(concern.body().get("urgency") + " concern " + id + " about " + name(concern) + " raised by "
                + concern.raisedBy() + " (" + concern.organisation() + "), now " + raised.path("status").asText()
                + ", local authority " + raised.path("localAuthority").asText());
        if (!COUNCIL.equals(raised.path("localAuthority").asText())) {
            // Replication was awaited, so this would be a fault worth knowing about, not a demo to carry on with.
            throw new IllegalStateException("concern-service did not route " + id + " to " + COUNCIL + ": " + raised);
        }
        if (concern.referredBy() != null) {
            PlatformCalls.expect(calls.post(concerns("/concerns/" + id + "/acknowledgement"), concern.referredBy(), Map.of()),
                    "acknowledge " + id, 200);
            JsonNode referred = PlatformCalls.expect(calls.post(concerns("/concerns/" + id + "/triage"), concern.referredBy(),
                    Map.of("section42", Map.of("careAndSupportNeeds", true, "experiencingOrAtRiskOfAbuse", true,
                                    "unableToProtectThemselves", true),
                            "decision", "REFER_TO_LOCAL_AUTHORITY",
                            "reasons", "Section 42 test met; she agrees to the referral")),
                    "refer " + id, 200).body();
            created("  " + concern.referredBy() + " referred it to " + referred.path("ownerOrganisation").asText());
        }
    }

    private static String name(DemoConcern concern) {
        @SuppressWarnings("unchecked")
        Map<String, Object> adult = (Map<String, Object>) concern.body().get("adult");
        return adult.get("givenName") + " " + adult.get("familyName");
    }

    private void created(String what) {
        created.add(what);
        System.out.println("demo: " + what);
    }

    private void existing(String what) {
        existing.add(what);
        System.out.println("demo: already there: " + what);
    }

    private String agreements(String path) {
        return serviceUrl.apply(PlatformSettings.AGREEMENT) + path;
    }

    private String concerns(String path) {
        return serviceUrl.apply(PlatformSettings.CONCERN) + path;
    }

    private String sharing(String path) {
        return serviceUrl.apply(PlatformSettings.SHARING) + path;
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for replication", e);
        }
    }
}
