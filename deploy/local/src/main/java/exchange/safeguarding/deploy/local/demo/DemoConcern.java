package exchange.safeguarding.deploy.local.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A concern the demo raises so that lists are not empty. The adults are invented, each different, with NHS
 * numbers nobody else uses, and no two concerns share an adult, a person alleged to cause harm or a setting:
 * the demo alone never fires a pattern rule. {@code whatHappened} is how a second start recognises a concern it
 * raised before. A concern with {@code referredBy} is acknowledged and referred to the council by that manager.
 */
record DemoConcern(String raisedBy, String organisation, Map<String, Object> body, String referredBy) {

    String whatHappened() {
        return (String) body.get("whatHappened");
    }

    static List<DemoConcern> all() {
        return List.of(
                new DemoConcern("care.practitioner", "MEADOWBANK-CARE", concern(
                        adult("Margaret", "Holloway", "1936-07-14", "4526018155", "NS3 2QT"),
                        List.of("NEGLECT_AND_ACTS_OF_OMISSION"), "CARE_HOME_RESIDENTIAL", "Willow Wing, Meadowbank Lodge",
                        "Night checks not recorded for three nights; found at 7am in a wet bed with a pressure sore on her heel.",
                        "ROUTINE", "Wants to stay in her room at Meadowbank; asks that her daughter is told."), "care.manager"),
                new DemoConcern("nhs.practitioner", "NORTHSHIRE-NHS", concern(
                        adult("Dennis", "Whitfield", "1944-01-30", "4908301662", "NS5 8LP"),
                        List.of("FINANCIAL_OR_MATERIAL"), "HOSPITAL_ACUTE", "Ward 12, Northshire General",
                        "On admission says his son has kept his bank card since March; the electricity has been cut off.",
                        "URGENT", "Wants to go home but does not want his son in trouble."), null),
                new DemoConcern("police.officer", "NORTHSHIRE-POLICE", concern(
                        adult("Grace", "Adeyemi", "1958-11-02", "4131860910", "NS2 6HD"),
                        List.of("DOMESTIC_ABUSE", "PSYCHOLOGICAL"), "OWN_HOME", null,
                        "Attended a call from a neighbour; she says her husband controls her medication and who visits.",
                        "URGENT", "Wants support to stay safe at home; not ready to make a statement."), null),
                new DemoConcern("homes.practitioner", "NORTHSHIRE-HOMES", concern(
                        adult("Stanley", "Byrne", "1949-05-21", "4390996037", "NS4 1RB"),
                        List.of("SELF_NEGLECT"), "OWN_HOME", null,
                        "Flat inspection: hoarding blocks the exits, no heating, little food; he declined a repair visit.",
                        "ROUTINE", "Does not want to move; would accept help with the heating."), null),
                new DemoConcern("orchard.practitioner", "ORCHARD-CARE", concern(
                        adult("Irene", "Mwangi", "1939-09-09", "4082462813", "NS6 3TW"),
                        List.of("PSYCHOLOGICAL"), "OWN_HOME", null,
                        "A new carer spoke sharply to her during the morning call; she seemed upset but said it was fine.",
                        "LOW_LEVEL", null), null),
                new DemoConcern("charity.practitioner", "BRIGHTER-DAYS", concern(
                        adult("Tomasz", "Nowak", "1947-02-17", "4948219932", "NS7 9FE"),
                        List.of("FINANCIAL_OR_MATERIAL"), "IN_THE_COMMUNITY", null,
                        "Befriender reports a new 'friend' from the cafe has asked him for money three times this month.",
                        "LOW_LEVEL", "Likes his new friend and does not want a fuss."), null));
    }

    private static Map<String, Object> adult(String given, String family, String born, String nhsNumber, String postcode) {
        return Map.of("givenName", given, "familyName", family, "dateOfBirth", born, "nhsNumber", nhsNumber,
                "postcode", postcode);
    }

    private static Map<String, Object> concern(Map<String, Object> adult, List<String> abuseTypes, String locationType,
                                               String settingName, String whatHappened, String urgency, String viewsAndWishes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("adult", adult);
        body.put("abuseTypes", abuseTypes);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("type", locationType);
        location.put("settingName", settingName);
        body.put("location", location);
        body.put("whatHappened", whatHappened);
        body.put("urgency", urgency);
        body.put("viewsAndWishes", viewsAndWishes);
        return body;
    }
}
