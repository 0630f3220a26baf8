package exchange.safeguarding.deploy.benchmarks;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Routine concerns about invented adults, each a different person (a random six-letter suffix on the family
 * name), so concern-service matches and stores a new person every time, as most real concerns do, and no
 * pattern threshold is ever reached. Routine: it goes to the raiser's line managers, not to emergency services.
 */
final class InventedConcerns {

    private static final List<String> GIVEN = List.of("Edith", "Harold", "Margaret", "Arthur", "Joan", "Stanley", "Irene",
            "Dennis", "Winifred", "Leonard", "Doreen", "Clifford", "Sylvia", "Gordon", "Phyllis", "Reginald");
    private static final List<String> FAMILY = List.of("Clarke", "Pemberton", "Ashworth", "Holloway", "Fairbairn",
            "Mottram", "Greenhalgh", "Thwaite", "Ormerod", "Sutcliffe");
    private static final List<String> ABUSE = List.of("PHYSICAL", "PSYCHOLOGICAL", "FINANCIAL_OR_MATERIAL",
            "NEGLECT_AND_ACTS_OF_OMISSION", "SELF_NEGLECT", "DISCRIMINATORY");

    private InventedConcerns() {
    }

    /** A new concern's JSON body, as an agency's case system would send it. */
    static String routine() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1930 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String postcode = "NS" + (1 + random.nextInt(9)) + " " + random.nextInt(10) + letters(2);
        return """
                {"adult": {"givenName": "%s", "familyName": "%s-%s", "dateOfBirth": "%s", "postcode": "%s"},
                 "abuseTypes": ["%s"],
                 "whatHappened": "Carer noticed unexplained bruising on both forearms during a home visit; the adult says a \
                visitor grabbed her when she refused to hand over her bank card. No immediate danger; family informed.",
                 "urgency": "ROUTINE"}"""
                .formatted(GIVEN.get(random.nextInt(GIVEN.size())), FAMILY.get(random.nextInt(FAMILY.size())),
                        capitalised(letters(6)), born, postcode, ABUSE.get(random.nextInt(ABUSE.size())));
    }

    private static String letters(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return out.toString();
    }

    private static String capitalised(String upper) {
        return upper.charAt(0) + upper.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
