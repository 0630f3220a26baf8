package exchange.safeguarding.kit.secrets;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The secrets printed in this repository for the local platform and the tests. Anyone can read them, so a production
 * service holding one is as open as one holding none.
 */
public final class DemoSecrets {

    /** The local platform's sealing key, the realm's demo client secrets' stem and the demo database password. */
    static final Set<String> KNOWN = Set.of(
            "bG9jYWwtZGVtby1zZWFsaW5nLWtleS0zMi1ieXRlcyE=",
            "demo-secret-platform-services",
            "demo-secret-agreement-service",
            "demo-only-keycloak-admin",
            "postgres", "admin", "password", "secret", "changeit", "changeme");

    /** Every demo client secret in the realm starts so ({@code demo-secret-<client>}). */
    static final String DEMO_PREFIX = "demo-";

    private DemoSecrets() {
    }

    public static boolean isDemo(String value) {
        String trimmed = value.trim();
        return KNOWN.contains(trimmed) || trimmed.toLowerCase().startsWith(DEMO_PREFIX);
    }

    /**
     * What is wrong with the named secrets, one line each naming the setting (never its value): missing, a demo value,
     * or, for a sealing key, not 32 bytes of base64.
     */
    public static List<String> problems(List<String> names, Function<String, Optional<String>> values) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            Optional<String> value = values.apply(name).filter(v -> !v.isBlank());
            if (value.isEmpty()) {
                problems.add(name + " is not set");
            } else if (isDemo(value.get())) {
                problems.add(name + " is a public demo value from the repository");
            } else if (name.endsWith("sealing-key") && !isAesKey(value.get())) {
                problems.add(name + " is not a base64 AES-256 key (32 bytes)");
            }
        }
        return problems;
    }

    private static boolean isAesKey(String value) {
        try {
            return Base64.getDecoder().decode(value.trim()).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
