package exchange.safeguarding.deploy.local.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One organisation of the Northshire demo partnership: how it is registered, its safeguarding set-up, and
 * which of its demo users signs the partnership's protocol for it. The codes and users match the realm
 * (deploy/keycloak/safeguarding-realm.json), so the demo users' tokens act for these organisations.
 */
record DemoOrganisation(String code, String name, String type, Lead lead, String policyReference, String policyOwner,
                        Route route, Signatory signatory, List<String> users) {

    static final String AREA = "Northshire";

    record Lead(String name, String role, String email, String phone) {
    }

    /** The person who signs the protocol for the organisation, through their own demo account. */
    record Signatory(String username, String name, String role) {
    }

    /**
     * Response times per escalation step and urgency (ISO-8601). Hours, not seconds: local policies give the
     * same day for urgent work and a working day for routine work.
     */
    record Route(Map<String, String> lineManager, Map<String, String> safeguardingLead, Map<String, String> localAuthority) {

        /** The route of most partners: a manager and a lead inside the organisation, then the council. */
        static Route standard() {
            return new Route(times("PT1H", "PT4H", "PT24H", "PT72H"), times("PT1H", "PT4H", "PT24H", "PT72H"),
                    times("PT1H", "PT8H", "PT24H", "PT72H"));
        }

        List<Map<String, Object>> asJson() {
            return List.of(step("LINE_MANAGER", lineManager), step("SAFEGUARDING_LEAD", safeguardingLead),
                    step("LOCAL_AUTHORITY", localAuthority));
        }

        private static Map<String, Object> step(String step, Map<String, String> times) {
            return Map.of("step", step, "responseTimes", times);
        }
    }

    static Map<String, String> times(String emergency, String urgent, String routine, String lowLevel) {
        Map<String, String> times = new LinkedHashMap<>();
        times.put("EMERGENCY", emergency);
        times.put("URGENT", urgent);
        times.put("ROUTINE", routine);
        times.put("LOW_LEVEL", lowLevel);
        return times;
    }

    Map<String, Object> registration() {
        return Map.of("code", code, "name", name, "type", type, "areaServed", AREA);
    }

    /** The whole set-up (a PUT replaces it all); the whistleblowing policy is reviewed a year from now. */
    Map<String, Object> safeguardingSetup(LocalDate today) {
        Map<String, Object> leadJson = new LinkedHashMap<>();
        leadJson.put("name", lead.name());
        leadJson.put("role", lead.role());
        leadJson.put("email", lead.email());
        leadJson.put("phone", lead.phone());
        return Map.of("safeguardingLead", leadJson,
                "whistleblowingPolicy", Map.of("reference", policyReference, "owner", policyOwner,
                        "reviewDate", today.plusYears(1).toString()),
                "escalationRoute", route.asJson());
    }

    /** The partnership, in the order they are registered. */
    static List<DemoOrganisation> partnership() {
        return List.of(
                new DemoOrganisation("NORTHSHIRE-ASC", "Northshire Council Adult Social Care",
                        "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES",
                        new Lead("Dr Ruth Evans", "Principal Social Worker", "safeguarding@northshire-asc.example", "01632 960100"),
                        "NCC-HR-017", "Monitoring Officer", Route.standard(),
                        new Signatory("asc.admin", "Adam Ainsley", "Information Governance Manager for the Director of Adult Social Services"),
                        List.of("asc.officer", "asc.admin", "asc.auditor")),
                new DemoOrganisation("NORTHSHIRE-POLICE", "Northshire Police", "POLICE",
                        new Lead("Paul Parker", "Detective Superintendent, Public Protection", "safeguarding@northshire-police.example",
                                "01632 960200"),
                        "NP-POL-044", "Professional Standards Department",
                        // Police triage: red within 4 working hours, amber 24, green 72.
                        new Route(times("PT1H", "PT4H", "PT24H", "PT72H"), times("PT1H", "PT4H", "PT24H", "PT72H"),
                                times("PT1H", "PT4H", "PT24H", "PT72H")),
                        new Signatory("police.lead", "Paul Parker", "Head of Public Protection"),
                        List.of("police.lead", "police.officer")),
                new DemoOrganisation("NORTHSHIRE-NHS", "Northshire NHS Foundation Trust", "NHS_TRUST",
                        new Lead("Nina Nash", "Named Nurse, Safeguarding Adults", "safeguarding@northshire-nhs.example", "01632 960300"),
                        "https://northshire-nhs.example/policies/freedom-to-speak-up", "Freedom to Speak Up Guardian",
                        Route.standard(),
                        new Signatory("nhs.lead", "Nina Nash", "Named Nurse, Safeguarding Adults"),
                        List.of("nhs.practitioner", "nhs.manager", "nhs.lead", "nhs.caldicott")),
                new DemoOrganisation("NORTHSHIRE-AMBULANCE", "Northshire Ambulance Service NHS Trust", "AMBULANCE",
                        new Lead("Anita Ashby", "Safeguarding Lead", "safeguarding@northshire-ambulance.example", "01632 960400"),
                        "NAS-WB-003", "Director of Workforce", Route.standard(),
                        new Signatory("ambulance.lead", "Anita Ashby", "Safeguarding Lead"),
                        List.of("ambulance.practitioner", "ambulance.lead")),
                new DemoOrganisation("MEADOWBANK-CARE", "Meadowbank Care Ltd", "CARE_PROVIDER",
                        new Lead("Carla Chambers", "Designated Safeguarding Lead", "safeguarding@meadowbank-care.example",
                                "01632 960123"),
                        "https://meadowbank-care.example/policies/whistleblowing.pdf", "Head of HR", Route.standard(),
                        new Signatory("care.lead", "Carla Chambers", "Designated Safeguarding Lead"),
                        List.of("care.practitioner", "care.manager", "care.lead", "care.dpo", "care.caldicott")),
                new DemoOrganisation("ORCHARD-CARE", "Orchard Home Care Ltd", "CARE_PROVIDER",
                        new Lead("Orla O'Brien", "Registered Manager and Safeguarding Lead", "safeguarding@orchard-care.example",
                                "01632 960500"),
                        "https://orchard-care.example/policies/speaking-up", "Operations Director", Route.standard(),
                        new Signatory("orchard.lead", "Orla O'Brien", "Registered Manager"),
                        List.of("orchard.practitioner", "orchard.manager", "orchard.lead")),
                new DemoOrganisation("NORTHSHIRE-HOMES", "Northshire Homes Housing Association", "HOUSING",
                        new Lead("Harry Holt", "Tenancy Sustainment Manager", "safeguarding@northshire-homes.example", "01632 960600"),
                        "NH-GOV-009", "Company Secretary",
                        new Route(times("PT2H", "PT8H", "PT48H", "PT120H"), times("PT1H", "PT4H", "PT24H", "PT72H"),
                                times("PT1H", "PT8H", "PT24H", "PT72H")),
                        new Signatory("homes.lead", "Harry Holt", "Tenancy Sustainment Manager"),
                        List.of("homes.practitioner", "homes.lead")),
                new DemoOrganisation("BRIGHTER-DAYS", "Brighter Days (befriending charity)", "VOLUNTARY_SECTOR",
                        new Lead("Ben Bailey", "Chief Executive and Safeguarding Lead", "safeguarding@brighter-days.example",
                                "01632 960700"),
                        "https://brighter-days.example/whistleblowing", "Chair of Trustees",
                        new Route(times("PT2H", "PT8H", "PT48H", "PT120H"), times("PT1H", "PT4H", "PT24H", "PT72H"),
                                times("PT1H", "PT8H", "PT24H", "PT72H")),
                        new Signatory("charity.lead", "Ben Bailey", "Chief Executive"),
                        List.of("charity.practitioner", "charity.lead")));
    }
}
