package exchange.safeguarding.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.kit.events.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who must be told of each event. The publishing service already decided the audience where it has the
 * facts (concern routing names its recipients, a disclosure its recipient); these rules read them from the
 * event, so a whistleblower's organisation is never told what concern-service kept from it. Events no rule
 * names tell no one.
 */
@ApplicationScoped
public class NotificationRouting {

    public static final String CONCERN_RAISED = "concern.raised.v1";
    public static final String PATTERN_DETECTED = "pattern.detected.v1";
    public static final String DISCLOSURE_MADE = "disclosure.made.v1";
    public static final String WITHDRAWAL_NOTICE = "consent.withdrawal-notice.v1";
    public static final String AGREEMENT_REVIEW_DUE = "agreement.review-due.v1";

    /**
     * A recipient organisation and, where the event says, the role within it that must act. A confidential one is
     * told in person only (that role's inbox and the lead's email), never through the organisation's own systems.
     */
    public record Recipient(String organisation, String audience, boolean confidential) {
        public Recipient(String organisation, String audience) {
            this(organisation, audience, false);
        }
    }

    /** An emergency use of sharing (honoured or not) is for the discloser's safeguarding lead and Caldicott guardian alike. */
    public static final String EMERGENCY_OVERSIGHT = "safeguarding-lead caldicott-guardian";
    public static final String SHARING_APPROVED = "sharing.approved.v1";

    private static final Set<String> AGREEMENT_LIFECYCLE = Set.of("agreement.activated.v1", "agreement.suspended.v1",
            "agreement.resumed.v1", "agreement.terminated.v1", "agreement.lapsed.v1", "agreement.expired.v1",
            "agreement.superseded.v1", AGREEMENT_REVIEW_DUE);
    /** Decisions the disclosing organisation's approvers and leads must act on or know of. */
    private static final Set<String> SHARING_FOR_DISCLOSER = Set.of("sharing.pending-approval.v1", "sharing.refused.v1",
            "sharing.challenged.v1", "sharing.review-due.v1", "inform-the-person.due.v1", "inform-the-person.overdue.v1");

    /** Every event type this service tells anyone of; routing rules can be set for these alone. */
    public static final Set<String> TOLD_TYPES = Set.copyOf(union(Set.of(CONCERN_RAISED, "concern.routed.v1",
            "concern.acknowledged.v1", "concern.triaged.v1", "concern.escalated.v1", "concern.referred.v1",
            "concern.enquiry-started.v1", "concern.outcome-recorded.v1", "concern.closed.v1",
            "concern.response-overdue.v1", "sla.breached.v1", PATTERN_DETECTED, DISCLOSURE_MADE, WITHDRAWAL_NOTICE,
            SHARING_APPROVED),
            SHARING_FOR_DISCLOSER, AGREEMENT_LIFECYCLE));

    public List<Recipient> recipients(CloudEvent event) {
        JsonNode data = event.data();
        String type = event.type();
        List<Recipient> told = new ArrayList<>();
        if (CONCERN_RAISED.equals(type)) {
            // The raising organisation's own systems hear of every concern raised on its behalf, except
            // whistleblowing: that organisation must not learn of it through its own systems.
            if (!data.path("whistleblowing").asBoolean(false)) {
                told.add(new Recipient(data.path("organisation").asText(), "raiser"));
            }
        } else if (type.startsWith("concern.")) {
            // Routed, escalated, triaged, referred, closed ...: concern-service names who must be told. A
            // whistleblowing concern's message to the organisation it is about goes to the named role alone: its
            // gateway and its other staff must not learn of it (decision 18).
            boolean whistleblowing = data.path("whistleblowing").asBoolean(false);
            String raisedBy = data.path("organisation").asText();
            for (JsonNode r : data.path("recipients")) {
                String organisation = r.path("organisation").asText();
                told.add(new Recipient(organisation, r.path("audience").asText(null),
                        whistleblowing && organisation.equals(raisedBy)));
            }
        } else if ("sla.breached.v1".equals(type)) {
            // The owner did not act in time: its safeguarding lead must know.
            told.add(new Recipient(data.path("owner").asText(), "safeguarding-lead"));
        } else if (PATTERN_DETECTED.equals(type)) {
            told.add(new Recipient(data.path("localAuthority").asText(), "la-safeguarding-officer"));
        } else if (DISCLOSURE_MADE.equals(type) || WITHDRAWAL_NOTICE.equals(type)) {
            // What was disclosed to an organisation, and a withdrawal of consent it received under, go to it alone.
            told.add(new Recipient(data.path("recipient").asText(), null));
        } else if (SHARING_FOR_DISCLOSER.contains(type) || SHARING_APPROVED.equals(type)) {
            // Every emergency use is told at once to the lead and the Caldicott guardian; other approvals to no one.
            boolean emergency = data.path("emergency").asBoolean(false) && type.startsWith("sharing.");
            if (data.path("confidential").asBoolean(false)) {
                // A whistleblowing concern's routing: the raising organisation is not told (decision 18).
                return List.of();
            } else if (emergency) {
                told.add(new Recipient(data.path("organisation").asText(), EMERGENCY_OVERSIGHT));
            } else if (!SHARING_APPROVED.equals(type)) {
                told.add(new Recipient(data.path("organisation").asText(), "safeguarding-lead"));
            }
        } else if (AGREEMENT_LIFECYCLE.contains(type)) {
            for (JsonNode party : data.path("terms").path("parties")) {
                told.add(new Recipient(party.path("organisation").asText(), "protocol-admin"));
            }
        }
        return distinct(told);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new LinkedHashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    private static List<Recipient> distinct(List<Recipient> recipients) {
        Set<String> seen = new LinkedHashSet<>();
        List<Recipient> out = new ArrayList<>();
        for (Recipient r : recipients) {
            if (r.organisation() != null && !r.organisation().isBlank() && seen.add(r.organisation())) {
                out.add(r);
            }
        }
        return out;
    }
}
