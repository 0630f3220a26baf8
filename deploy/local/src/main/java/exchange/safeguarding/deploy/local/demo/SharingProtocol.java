package exchange.safeguarding.deploy.local.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of the partnership's multi-party information sharing protocol, in the agreement vocabulary of
 * agreement-service (purposes, data categories, UK GDPR Article 6 and 9 and DPA 2018 Schedule 1 conditions).
 * Each purpose permits only the categories it needs, so a request for more is minimised: for instance
 * coordinating responses does not permit criminal offence data or details of the person alleged to cause harm.
 */
final class SharingProtocol {

    static final String TITLE = "Northshire Safeguarding Adults Information Sharing Protocol";

    private SharingProtocol() {
    }

    static Map<String, Object> terms(List<DemoOrganisation> parties, LocalDate today) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", TITLE);
        terms.put("parties", parties.stream()
                .map(o -> Map.of("organisation", o.code(), "controllerRelationship", "SEPARATE_CONTROLLERS")).toList());
        terms.put("purposes", List.of(
                purpose("PREVENT_DEATH_OR_SERIOUS_HARM", "VITAL_INTERESTS_6_1_D", "VITAL_INTERESTS_9_2_C", null,
                        "VITAL_INTERESTS_PART3_PARA_30",
                        List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION", "HEALTH",
                                "PERSON_ALLEGED_TO_CAUSE_HARM", "CRIMINAL_OFFENCE_INFORMATION")),
                purpose("COORDINATE_RESPONSES", "PUBLIC_TASK_6_1_E", "SUBSTANTIAL_PUBLIC_INTEREST_9_2_G",
                        "SAFEGUARDING_CHILDREN_AND_INDIVIDUALS_AT_RISK_PART2_PARA_18", null,
                        List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION", "HEALTH",
                                "CARE_AND_SUPPORT_NEEDS", "VIEWS_AND_WISHES")),
                purpose("PREVENT_ABUSE_INCREASING_CARE_NEEDS", "PUBLIC_TASK_6_1_E", "HEALTH_OR_SOCIAL_CARE_9_2_H",
                        "HEALTH_OR_SOCIAL_CARE_PART1_PARA_2", null,
                        List.of("IDENTITY", "CONTACT", "CONCERN_SUMMARY", "CARE_AND_SUPPORT_NEEDS", "VIEWS_AND_WISHES")),
                purpose("IDENTIFY_RISK_AND_REDUCE_OFFENDING", "PUBLIC_TASK_6_1_E", null, null,
                        "PREVENTING_OR_DETECTING_UNLAWFUL_ACTS_PART2_PARA_10",
                        List.of("IDENTITY", "RISK_INFORMATION", "PERSON_ALLEGED_TO_CAUSE_HARM", "CRIMINAL_OFFENCE_INFORMATION")),
                // Patterns that identify others at risk need what happened and who is alleged to have caused it.
                purpose("REVEAL_PATTERNS_OF_ABUSE", "PUBLIC_TASK_6_1_E", null, null, null,
                        List.of("IDENTITY", "CONCERN_SUMMARY", "RISK_INFORMATION", "PERSON_ALLEGED_TO_CAUSE_HARM")),
                purpose("IDENTIFY_LOW_LEVEL_CONCERNS", "PUBLIC_TASK_6_1_E", null, null, null,
                        List.of("IDENTITY", "CONCERN_SUMMARY"))));
        terms.put("retentionPeriod", "P6Y");
        terms.put("retentionAndDeletion", "Each party keeps what it receives for six years after the enquiry closes, "
                + "reviews it yearly and deletes it securely");
        terms.put("security", "Transfers only over Safeguarding Exchange; access by role; every disclosure logged and auditable");
        terms.put("dataQuality", "Each party corrects inaccurate data at source and tells the parties it shared it with");
        terms.put("dpiaReference", "NSAB-DPIA-2026-01");
        terms.put("subjectRightsContact", "dpo@northshire-asc.example");
        terms.put("breachContact", "information.governance@northshire-asc.example");
        terms.put("effectiveFrom", today.toString());
        terms.put("reviewDate", today.plusYears(1).toString());
        return terms;
    }

    private static Map<String, Object> purpose(String purpose, String article6, String article9, String schedule1,
                                               String criminalOffenceCondition, List<String> categories) {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("purpose", purpose);
        terms.put("article6Basis", article6);
        terms.put("article9Condition", article9);
        terms.put("schedule1Condition", schedule1);
        terms.put("criminalOffenceCondition", criminalOffenceCondition);
        terms.put("dataCategories", categories);
        return terms;
    }
}
