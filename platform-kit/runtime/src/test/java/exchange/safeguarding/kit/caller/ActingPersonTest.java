package exchange.safeguarding.kit.caller;

import exchange.safeguarding.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActingPersonTest {

    @Test
    void aDictionaryOfQuotedStringsNamesThePerson() {
        ActingPerson p = ActingPerson.parse("id=\"u-4711\", name=\"Sam \\\"Sammy\\\" Carter\",role=\"practitioner\"");
        assertEquals(new ActingPerson("u-4711", "Sam \"Sammy\" Carter", "practitioner"), p);
        assertEquals("Sam \"Sammy\" Carter (practitioner, u-4711) via gateway-meadowbank-care", p.through("gateway-meadowbank-care"));
    }

    @Test
    void anythingElseIsRefusedNamingTheHeader() {
        for (String bad : new String[]{"", "Sam Carter", "id=4711, name=\"Sam\", role=\"practitioner\"",
                "id=\"4711\", name=\"Sam\"", "id=\"4711\", name=\"Sam\", role=\"gateway\"", "id=\"4711\", name=\"Sam, role=\"x\"",
                "id=\"1\", id=\"2\", name=\"Sam\", role=\"practitioner\"", "id=\"4711\", name=\"S\u00e9n\", role=\"practitioner\"",
                "id=\"" + "9".repeat(41) + "\", name=\"Sam\", role=\"practitioner\""}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> ActingPerson.parse(bad), bad);
            assertEquals("Acting-Person", refused.problem().errors().get(0).field(), bad);
        }
    }
}
