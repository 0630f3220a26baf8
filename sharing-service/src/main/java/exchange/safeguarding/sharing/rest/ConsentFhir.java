package exchange.safeguarding.sharing.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import exchange.safeguarding.sharing.domain.ConsentDecision;
import exchange.safeguarding.sharing.domain.ConsentRecord;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A consent record as an HL7 FHIR R4 Consent resource. Decision to status and provision: given is an
 * active permit; refused an active deny; withdrawn an inactive deny; not sought and lacks capacity are
 * inactive (no directive from the adult is in force), the latter with the best-interests decision-maker
 * as performer. Our own vocabularies (decision, purpose, data category) travel under our own code systems.
 */
public final class ConsentFhir {

    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String BASE = "https://safeguarding.exchange";
    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ConsentFhir() {
    }

    public static ObjectNode of(ConsentRecord r) {
        ObjectNode consent = JSON.objectNode();
        consent.put("resourceType", "Consent");
        consent.put("id", r.id.toString());
        ObjectNode text = consent.putObject("text");
        text.put("status", "generated");
        text.put("div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + escape(narrative(r)) + "</div>");
        consent.putArray("identifier").addObject().put("system", BASE + "/Id/consent-record").put("value", r.id.toString());
        consent.put("status", switch (r.decision) {
            case GIVEN, REFUSED -> "active";
            case WITHDRAWN, NOT_SOUGHT, LACKS_CAPACITY -> "inactive";
        });
        coding(consent.putObject("scope"), "http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent");
        ArrayNode category = consent.putArray("category");
        coding(category.addObject(), "http://loinc.org", "59284-0", "Patient Consent");
        coding(category.addObject(), BASE + "/fhir/CodeSystem/consent-decision", r.decision.name(), r.decision.name());
        consent.set("patient", patient(r));
        consent.put("dateTime", r.recordedAt.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toString());
        if (r.decision == ConsentDecision.LACKS_CAPACITY && r.bestInterestsDecidedBy != null) {
            ObjectNode performer = consent.putArray("performer").addObject();
            performer.put("type", "Practitioner");
            performer.put("display", r.bestInterestsDecidedBy
                    + (r.bestInterestsDeciderRole == null ? "" : " (" + r.bestInterestsDeciderRole + ")"));
        } else if (r.decision != ConsentDecision.NOT_SOUGHT) {
            consent.putArray("performer").add(patient(r));
        }
        ObjectNode organisation = consent.putArray("organization").addObject();
        organisation.put("type", "Organization");
        organisation.putObject("identifier").put("system", BASE + "/Id/organisation").put("value", r.organisation);
        consent.putArray("policy").addObject().put("uri", BASE + "/policy/information-sharing");
        consent.set("provision", provision(r));
        return consent;
    }

    private static ObjectNode provision(ConsentRecord r) {
        ObjectNode provision = JSON.objectNode();
        if (r.decision == ConsentDecision.GIVEN) {
            provision.put("type", "permit");
        } else if (r.decision == ConsentDecision.REFUSED || r.decision == ConsentDecision.WITHDRAWN) {
            provision.put("type", "deny");
        }
        ObjectNode period = provision.putObject("period");
        period.put("start", r.recordedAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        if (r.expiresOn != null) {
            period.put("end", r.expiresOn.toString());
        }
        if (!r.recipients.isEmpty() || !r.recipientTypes.isEmpty()) {
            ArrayNode actors = provision.putArray("actor");
            for (String recipient : r.recipients) {
                ObjectNode reference = actor(actors);
                reference.putObject("identifier").put("system", BASE + "/Id/organisation").put("value", recipient);
            }
            for (String type : r.recipientTypes) {
                actor(actors).put("display", "any " + type + " organisation in the partnership");
            }
        }
        if (!r.purposes.isEmpty()) {
            ArrayNode purposes = provision.putArray("purpose");
            r.purposes.forEach(p -> purposes.addObject().put("system", BASE + "/fhir/CodeSystem/purpose").put("code", p));
        }
        if (!r.dataCategories.isEmpty()) {
            ArrayNode classes = provision.putArray("class");
            r.dataCategories.forEach(c -> classes.addObject().put("system", BASE + "/fhir/CodeSystem/data-category").put("code", c));
        }
        return provision;
    }

    private static ObjectNode actor(ArrayNode actors) {
        ObjectNode actor = actors.addObject();
        coding(actor.putObject("role"), "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient");
        ObjectNode reference = actor.putObject("reference");
        reference.put("type", "Organization");
        return reference;
    }

    private static ObjectNode patient(ConsentRecord r) {
        ObjectNode patient = JSON.objectNode();
        patient.put("type", "Patient");
        if (r.adultNhsNumber != null) {
            patient.putObject("identifier").put("system", NHS_NUMBER).put("value", r.adultNhsNumber);
        } else if (r.adultPersonId != null) {
            patient.putObject("identifier").put("system", BASE + "/Id/person").put("value", r.adultPersonId.toString());
        }
        patient.put("display", r.adultGivenName + " " + r.adultFamilyName);
        return patient;
    }

    private static void coding(ObjectNode concept, String system, String code, String display) {
        concept.putArray("coding").addObject().put("system", system).put("code", code).put("display", display);
    }

    private static String narrative(ConsentRecord r) {
        String adult = r.adultGivenName + " " + r.adultFamilyName;
        return switch (r.decision) {
            case GIVEN -> adult + " consents to " + r.organisation + " sharing " + r.dataCategories + " for " + r.purposes
                    + " with " + r.recipients + (r.recipientTypes.isEmpty() ? "" : " and any of " + r.recipientTypes)
                    + (r.expiresOn == null ? "" : " until " + r.expiresOn) + ".";
            case REFUSED -> adult + " refuses consent to " + r.organisation + " sharing for " + r.purposes + ".";
            case WITHDRAWN -> adult + " withdraws consent to " + r.organisation + " sharing for " + r.purposes + ".";
            case NOT_SOUGHT -> "Consent of " + adult + " was not sought by " + r.organisation + " (" + r.notSoughtReason + ").";
            case LACKS_CAPACITY -> adult + " lacks capacity to decide (assessment " + r.capacityAssessmentReference
                    + "); best-interests decision by " + r.bestInterestsDecidedBy + ".";
        };
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
