package exchange.safeguarding.deploy.local;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** A Kafka broker (KRaft, broker and controller in one) whose log stays in a folder between runs. */
final class EmbeddedBroker {

    /** Fixed so the stored log is recognised on the next start. */
    private static final String CLUSTER_ID = "c2FmZWd1YXJkaW5nLWV4Yw";

    static final List<String> TOPICS = List.of("safeguarding.agreements", "safeguarding.concerns", "safeguarding.sharing",
            "safeguarding.notifications", "safeguarding.dlq.notification-service", "safeguarding.dlq.sharing-service",
            "safeguarding.dlq.concern-service");

    private final PlatformSettings settings;
    private EmbeddedKafkaBroker broker;

    EmbeddedBroker(PlatformSettings settings) {
        this.settings = settings;
    }

    synchronized void start() throws Exception {
        if (settings.externalKafka().isEmpty()) {
            Path log = settings.home().resolve("kafka");
            Files.createDirectories(log);
            broker = new EmbeddedKafkaBroker()
                    .withNodeId(0)
                    .withKafkaPort(settings.kafkaPort())
                    .withControllerPort(settings.kafkaControllerPort())
                    .withClusterId(CLUSTER_ID)
                    .withDeleteLogDirsOnClose(false)
                    .withAdditionalProperties(p -> {
                        p.put("log.dir", log.toString());
                        p.put("num.partitions", "3");
                        p.put("group.initial.rebalance.delay.ms", "0");
                        p.put("offsets.topic.num.partitions", "3");
                    })
                    .start();
        }
        createTopics();
    }

    /** Declares every platform topic with three partitions before any service uses it. */
    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = TOPICS.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops the broker (for outage drills); its log stays. */
    synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    boolean embedded() {
        return settings.externalKafka().isEmpty();
    }
}
