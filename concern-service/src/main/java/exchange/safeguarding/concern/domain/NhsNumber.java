package exchange.safeguarding.concern.domain;

/** NHS number: ten digits, the last a Modulus 11 check digit (weights 10..2; 11 becomes 0; 10 is invalid). */
public final class NhsNumber {

    private NhsNumber() {
    }

    /** The number without spaces or hyphens, or null when it is not a valid NHS number. */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String digits = raw.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10}")) {
            return null;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        if (check == 10 || check != digits.charAt(9) - '0') {
            return null;
        }
        return digits;
    }

    public static boolean valid(String raw) {
        return normalise(raw) != null;
    }
}
