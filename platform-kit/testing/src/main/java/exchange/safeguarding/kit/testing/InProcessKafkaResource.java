package exchange.safeguarding.kit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real Kafka broker (KRaft) running in the test JVM; one per JVM. Tests can stop and start it on the
 * same port and storage to show that the platform rides out a broker outage.
 */
public class InProcessKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;
    private static int port;
    private static int controllerPort;
    private static java.nio.file.Path logDir;
    private static final String CLUSTER_ID = org.apache.kafka.common.Uuid.randomUuid().toString();

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            port = freePort();
            controllerPort = freePort();
            try {
                logDir = java.nio.file.Files.createTempDirectory("kafka-test");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            startBroker();
            Runtime.getRuntime().addShutdownHook(new Thread(InProcessKafkaResource::stopBroker));
        }
        return "localhost:" + port;
    }

    /** Stops the broker; producers and consumers see it as gone. */
    public static synchronized void stopBroker() {
        if (broker != null && broker.isRunning()) {
            broker.close();
        }
    }

    /** Starts the broker (again) on the same port and storage, so topics, records and offsets survive. */
    public static synchronized void startBroker() {
        broker = new EmbeddedKafkaBroker()
                .withNodeId(0)
                .withKafkaPort(port)
                .withControllerPort(controllerPort)
                .withClusterId(CLUSTER_ID)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(p -> {
                    p.put("log.dir", logDir.toString());
                    p.put("auto.create.topics.enable", "true");
                    p.put("num.partitions", "3");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("offsets.topic.num.partitions", "1");
                })
                .start();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the whole JVM so several test classes share one broker
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
