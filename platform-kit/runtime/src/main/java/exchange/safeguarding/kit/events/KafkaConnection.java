package exchange.safeguarding.kit.events;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * How to reach the broker, for the clients the kit creates itself (the outbox relay's producer, the topic
 * provisioner). They take the same {@code kafka.*} connection settings as the messaging channels, so a
 * production broker with TLS and SASL (e.g. {@code kafka.security.protocol=SASL_SSL},
 * {@code kafka.sasl.mechanism=SCRAM-SHA-512}, {@code kafka.sasl.jaas.config=...}) is configured once.
 */
@ApplicationScoped
public class KafkaConnection {

    private static final Set<String> CONNECTION_KEYS = Set.of("bootstrap.servers", "security.protocol",
            "client.dns.lookup", "connections.max.idle.ms", "reconnect.backoff.ms", "reconnect.backoff.max.ms");
    private static final Set<String> CONNECTION_PREFIXES = Set.of("sasl.", "ssl.");

    private final Map<String, Object> settings;

    @Inject
    public KafkaConnection(@Identifier("default-kafka-broker") Map<String, Object> brokerConfig) {
        this.settings = connectionSettings(brokerConfig);
    }

    /** The connection settings only: tuning meant for the channels (serialisers, acks, group ids) is left out. */
    static Map<String, Object> connectionSettings(Map<String, Object> brokerConfig) {
        Map<String, Object> chosen = new HashMap<>();
        brokerConfig.forEach((key, value) -> {
            if (CONNECTION_KEYS.contains(key) || CONNECTION_PREFIXES.stream().anyMatch(key::startsWith)) {
                chosen.put(key, value);
            }
        });
        chosen.putIfAbsent("bootstrap.servers", "localhost:9092");
        return Map.copyOf(chosen);
    }

    /** A fresh, modifiable copy, to which a client adds its own settings. */
    public Map<String, Object> settings() {
        return new HashMap<>(settings);
    }
}
