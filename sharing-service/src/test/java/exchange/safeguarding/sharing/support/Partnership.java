package exchange.safeguarding.sharing.support;

import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.sharing.domain.AgreementVersionReplica;
import exchange.safeguarding.sharing.domain.ConcernReplica;
import exchange.safeguarding.sharing.domain.KnownOrganisation;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * A small partnership announced the way agreement-service and concern-service announce it: real CloudEvents
 * on the real topics, consumed by the service under test. Codes are unique per test, so tests share nothing.
 */
public final class Partnership {

    private final String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    public String code(String name) {
        return name + "-" + suffix;
    }

    public String organisation(String name, String type, String status) {
        String code = code(name);
        publish("safeguarding.agreements", code, "organisation." + ("ACTIVE".equals(status) ? "activated" : "suspended") + ".v1",
                Map.of("code", code, "name", name + " (test)", "type", type, "areaServed", "Northshire", "status", status));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            KnownOrganisation o = KnownOrganisation.findById(code);
            return o != null && status.equals(o.status);
        }));
        return code;
    }

    public record Agreement(UUID agreementId, UUID versionId, String reference) {
    }

    /** Announces an agreement version between a and b for one purpose with the given categories. */
    public Agreement agreement(String status, String a, String b, String purpose, List<String> categories) {
        return agreementVersion(UUID.randomUUID(), UUID.randomUUID(), 1, status, a, b, purpose, categories);
    }

    public Agreement agreementVersion(UUID agreementId, UUID versionId, int version, String status, String a, String b,
                                      String purpose, List<String> categories) {
        String reference = "ISA-" + suffix + "-" + agreementId.toString().substring(0, 4);
        Map<String, Object> purposeTerms = new LinkedHashMap<>();
        purposeTerms.put("purpose", purpose);
        purposeTerms.put("article6Basis", "PUBLIC_TASK_6_1_E");
        purposeTerms.put("article9Condition", "HEALTH_OR_SOCIAL_CARE_9_2_H");
        purposeTerms.put("schedule1Condition", "HEALTH_OR_SOCIAL_CARE_PART1_PARA_2");
        purposeTerms.put("criminalOffenceCondition", "SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18");
        purposeTerms.put("dataCategories", categories);
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", "Test agreement");
        terms.put("parties", List.of(Map.of("organisation", a, "controllerRelationship", "SEPARATE_CONTROLLERS"),
                Map.of("organisation", b, "controllerRelationship", "SEPARATE_CONTROLLERS")));
        terms.put("purposes", List.of(purposeTerms));
        terms.put("retentionPeriod", "P6Y");
        terms.put("effectiveFrom", LocalDate.now().minusDays(10));
        terms.put("reviewDate", LocalDate.now().plusYears(1));
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("agreementId", agreementId);
        snapshot.put("reference", reference);
        snapshot.put("versionId", versionId);
        snapshot.put("version", version);
        snapshot.put("status", status);
        snapshot.put("terms", terms);
        snapshot.put("signatures", List.of());
        publish("safeguarding.agreements", agreementId.toString(), "agreement." + status.toLowerCase() + ".v1", snapshot);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            AgreementVersionReplica v = AgreementVersionReplica.findById(versionId);
            return v != null && status.equals(v.status);
        }));
        return new Agreement(agreementId, versionId, reference);
    }

    /** A concern raised by an organisation (and routed, for an emergency, to the local authority and emergency services). */
    public UUID concern(String raisedBy, String localAuthority, String urgency, List<String> emergencyServices) {
        UUID concernId = UUID.randomUUID();
        UUID personId = UUID.randomUUID();
        Map<String, Object> raised = new LinkedHashMap<>();
        raised.put("concernId", concernId);
        raised.put("organisation", raisedBy);
        raised.put("urgency", urgency);
        raised.put("whistleblowing", false);
        raised.put("adultPersonId", personId);
        raised.put("localAuthority", localAuthority);
        raised.put("raisedAt", Instant.now());
        publish("safeguarding.concerns", concernId.toString(), "concern.raised.v1", raised);
        Map<String, Object> routed = new LinkedHashMap<>();
        routed.put("concernId", concernId);
        routed.put("organisation", raisedBy);
        routed.put("urgency", urgency);
        routed.put("owner", localAuthority);
        routed.put("recipients", List.of(Map.of("organisation", localAuthority, "audience", "la-safeguarding-officer")));
        routed.put("emergencyServices", emergencyServices);
        routed.put("whistleblowing", false);
        publish("safeguarding.concerns", concernId.toString(), "concern.routed.v1", routed);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ConcernReplica.findById(concernId) != null));
        return concernId;
    }

    public static UUID personOf(UUID concernId) {
        return QuarkusTransaction.requiringNew().call(() -> ((ConcernReplica) ConcernReplica.findById(concernId)).adultPersonId);
    }

    public static String publish(String topic, String key, String type, Object data) {
        return EventProbe.publishEvent(topic, key, type, data);
    }
}
