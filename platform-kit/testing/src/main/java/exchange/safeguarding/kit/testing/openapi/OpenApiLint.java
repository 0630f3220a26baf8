package exchange.safeguarding.kit.testing.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lints a service's OpenAPI document (JSON, as served at {@code /q/openapi?format=json}) three ways, and reports every
 * finding at once:
 * <ol>
 *   <li>structure: the swagger-parser validator (the one openapi-generator uses) must have nothing to say;</li>
 *   <li>style: the OpenAPI Style Validator, configured in {@link StyleRules};</li>
 *   <li>the platform's own rules, in {@link PlatformRules}, and examples that match their schemas
 *       ({@link ExampleConformance}).</li>
 * </ol>
 */
public final class OpenApiLint {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiLint() {
    }

    /** Every finding, each prefixed with the check that made it; empty when the document passes. */
    public static List<String> findings(String document) {
        JsonNode tree = read(document);
        List<String> findings = new ArrayList<>();
        StructuralCheck.messages(document).forEach(m -> findings.add("structure: " + m));
        StyleRules.errors(document).forEach(m -> findings.add("style: " + m));
        PlatformRules.violations(tree).forEach(m -> findings.add("platform: " + m));
        ExampleConformance.mismatches(tree).forEach(m -> findings.add("example: " + m));
        return findings;
    }

    /** Fails with every finding listed, one a line. */
    public static void assertClean(String document) {
        List<String> findings = findings(document);
        if (!findings.isEmpty()) {
            throw new AssertionError(findings.size() + " OpenAPI finding(s):\n  " + String.join("\n  ", findings));
        }
    }

    static JsonNode read(String document) {
        try {
            return JSON.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document is not JSON", e);
        }
    }
}
