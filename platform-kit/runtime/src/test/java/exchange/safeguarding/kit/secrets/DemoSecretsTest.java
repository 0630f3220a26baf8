package exchange.safeguarding.kit.secrets;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoSecretsTest {

    private static final List<String> NAMES = List.of("quarkus.datasource.password", "kit.secret-sealing-key",
            "kit.service-client.client-secret", "agreement.keycloak.client-secret");

    @Test
    void namesEverySettingThatIsMissingOrADemoValueWithoutPrintingIt() {
        Map<String, String> values = Map.of(
                "quarkus.datasource.password", "postgres",
                "kit.secret-sealing-key", "bG9jYWwtZGVtby1zZWFsaW5nLWtleS0zMi1ieXRlcyE=",
                "agreement.keycloak.client-secret", "demo-secret-agreement-service");

        List<String> problems = DemoSecrets.problems(NAMES, name -> Optional.ofNullable(values.get(name)));

        assertEquals(List.of(
                "quarkus.datasource.password is a public demo value from the repository",
                "kit.secret-sealing-key is a public demo value from the repository",
                "kit.service-client.client-secret is not set",
                "agreement.keycloak.client-secret is a public demo value from the repository"), problems);
        assertFalse(String.join(" ", problems).contains("demo-secret-agreement-service"), "no secret is printed");
    }

    @Test
    void realSecretsPassAndABadSealingKeyIsNamed() {
        Map<String, String> values = Map.of(
                "quarkus.datasource.password", "x7Hq2v9LmR4tW1zK",
                "kit.secret-sealing-key", "c2hvcnQ=",
                "kit.service-client.client-secret", "  ",
                "agreement.keycloak.client-secret", "pQ8sN3kV6yB1cF5j");

        assertEquals(List.of("kit.secret-sealing-key is not a base64 AES-256 key (32 bytes)",
                        "kit.service-client.client-secret is not set"),
                DemoSecrets.problems(NAMES, name -> Optional.ofNullable(values.get(name))));
        assertEquals(List.of(), DemoSecrets.problems(List.of("kit.secret-sealing-key"),
                name -> Optional.of("q1ZB0m0TQ2P3jY2XH3nV1sR0mA9tW8cL5eK7uI4oP6s=")));
    }

    @Test
    void everyDemoClientSecretOfTheRealmIsRecognised() {
        assertTrue(DemoSecrets.isDemo("demo-secret-northshire-asc"));
        assertTrue(DemoSecrets.isDemo("Demo-Only-Keycloak-Admin "));
        assertFalse(DemoSecrets.isDemo("a-real-secret-from-vault"));
    }

    @Test
    void onlyTheDeveloperProfilesMayHoldDemoValues() {
        assertTrue(ProductionSecrets.isProduction(List.of("prod")));
        assertTrue(ProductionSecrets.isProduction(List.of("staging")));
        assertFalse(ProductionSecrets.isProduction(List.of("local")));
        assertFalse(ProductionSecrets.isProduction(List.of("test")));
        assertFalse(ProductionSecrets.isProduction(List.of("dev")));
    }
}
