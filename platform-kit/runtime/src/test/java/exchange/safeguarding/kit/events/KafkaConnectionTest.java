package exchange.safeguarding.kit.events;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KafkaConnectionTest {

    @Test
    void aSecuredBrokersSettingsReachTheKitsOwnClientsButChannelTuningDoesNot() {
        Map<String, Object> settings = KafkaConnection.connectionSettings(Map.of(
                "bootstrap.servers", "kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/ca.p12",
                "group.id", "concern-service",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));

        assertEquals(Map.of(
                "bootstrap.servers", "kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/kafka/ca.p12"), settings);
    }

    @Test
    void withNothingConfiguredTheLocalBrokerIsUsed() {
        assertEquals(Map.of("bootstrap.servers", "localhost:9092"), KafkaConnection.connectionSettings(Map.of()));
    }
}
