package exchange.safeguarding.deploy.system;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A person invented for one test: a family name with a random suffix no other test uses, and the date of
 * birth and postcode that let concern-service match them across agencies (name, date of birth and postcode
 * together). Every test that counts towards a pattern must use its own people, so that concerns raised by
 * other tests in the same platform can never reach a threshold for it.
 */
record InventedPerson(String givenName, String familyName, LocalDate dateOfBirth, String postcode) {

    static InventedPerson named(String givenName, String familyName) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        LocalDate born = LocalDate.of(1930 + random.nextInt(45), 1 + random.nextInt(12), 1 + random.nextInt(28));
        String postcode = "NS" + (1 + random.nextInt(9)) + " " + random.nextInt(10) + letters(2);
        return new InventedPerson(givenName, familyName + "-" + randomSuffix(), born, postcode);
    }

    /** Six random letters, capitalised: enough that no two tests (or runs) pick the same name. */
    static String randomSuffix() {
        return capitalised(letters(6));
    }

    /** The person as concern-service and sharing-service take it in a request body. */
    String json() {
        return """
                {"givenName": "%s", "familyName": "%s", "dateOfBirth": "%s", "postcode": "%s"}"""
                .formatted(givenName, familyName, dateOfBirth, postcode);
    }

    /**
     * The same person for sharing-service, which knows no postcodes and recognises the adult of a concern by
     * concern-service's person id first.
     */
    String json(String personId) {
        return """
                {"personId": "%s", "givenName": "%s", "familyName": "%s", "dateOfBirth": "%s"}"""
                .formatted(personId, givenName, familyName, dateOfBirth);
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
