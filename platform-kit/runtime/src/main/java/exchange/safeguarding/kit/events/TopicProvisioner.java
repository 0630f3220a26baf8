package exchange.safeguarding.kit.events;

import exchange.safeguarding.kit.config.PlatformConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics a service needs when they are missing, with the platform's partition count, so
 * keyed ordering holds from the first event. Where the broker is unreachable at start the service still
 * starts (the outbox keeps events) and topics are created by the broker's own policy or an operator.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final PlatformConfig config;
    private final KafkaConnection connection;

    public TopicProvisioner(PlatformConfig config, KafkaConnection connection) {
        this.config = config;
        this.connection = connection;
    }

    void onStart(@Observes StartupEvent ignored) {
        List<String> wanted = config.topics().ensure().stream().filter(t -> !t.isBlank()).toList();
        if (wanted.isEmpty()) {
            return;
        }
        Map<String, Object> settings = connection.settings();
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(settings)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, config.topics().partitions(), config.topics().replicationFactor()))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                LOG.infof("created topics %s", missing.stream().map(NewTopic::name).toList());
            }
        } catch (Exception e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException) {
                return; // another replica created it first
            }
            LOG.warnf("could not ensure topics %s: %s", wanted, e.getMessage());
        }
    }
}
