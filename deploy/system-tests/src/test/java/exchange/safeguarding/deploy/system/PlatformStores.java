package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What an operator would look at after an incident, read straight from the platform's stores: each service's
 * transactional outbox (which events were written, which the relay has had acknowledged by Kafka, how often it
 * tried), each consumer's inbox (which events it applied), and the dead-letter topics.
 */
final class PlatformStores {

    /** Each service's database. */
    static final List<String> DATABASES = List.of("agreements", "concerns", "sharing", "notifications");
    static final List<String> DEAD_LETTER_TOPICS = List.of("safeguarding.dlq.concern-service",
            "safeguarding.dlq.sharing-service", "safeguarding.dlq.notification-service");

    /** One event in a service's outbox. */
    record OutboxEvent(String eventId, String key, String type, boolean published, int attempts) {
    }

    private final PlatformSettings settings;

    PlatformStores(PlatformSettings settings) {
        this.settings = settings;
    }

    /** Events written but not yet acknowledged by the broker, per database. */
    Map<String, Long> unpublished() {
        Map<String, Long> waiting = new LinkedHashMap<>();
        for (String database : DATABASES) {
            query(database, "select count(*) from kit_outbox where published_at is null", List.of(),
                    rs -> waiting.put(database, rs.getLong(1)));
        }
        return waiting;
    }

    /** The events of these types about these aggregates (the message key) in one service's outbox. */
    List<OutboxEvent> outbox(String database, Collection<String> keys, Collection<String> types) {
        List<OutboxEvent> events = new ArrayList<>();
        query(database, """
                        select event_id::text, message_key, event_type, published_at is not null, attempts from kit_outbox
                        where message_key = any(?) and event_type = any(?)""", List.of(keys, types),
                rs -> events.add(new OutboxEvent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5))));
        return events;
    }

    /** Which of these events the consumer has applied (its inbox holds their ids). */
    Set<String> applied(String database, String consumer, Collection<String> eventIds) {
        Set<String> applied = new HashSet<>();
        query(database, "select event_id from kit_inbox where consumer = ? and event_id = any(?)", List.of(consumer, eventIds),
                rs -> applied.add(rs.getString(1)));
        return applied;
    }

    /** How many messages each dead-letter topic holds (the sum of its partitions' end offsets). */
    Map<String, Long> deadLettered() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(DEAD_LETTER_TOPICS).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<String, Long> counts = new LinkedHashMap<>();
            DEAD_LETTER_TOPICS.forEach(t -> counts.put(t, 0L));
            admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> counts.merge(tp.topic(), info.offset(), Long::sum));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dead-letter topics: " + e.getMessage(), e);
        }
    }

    /**
     * One service's database goes away while the others stay (in production each service has its own): new
     * connections to it are refused and the ones open are ended.
     */
    void refuseConnections(String database) {
        execute("alter database " + database + " allow_connections = false");
        query("postgres", "select pg_terminate_backend(pid) from pg_stat_activity where datname = ?", List.of(database), rs -> { });
    }

    void allowConnections(String database) {
        execute("alter database " + database + " allow_connections = true");
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcBase() + "/postgres",
                settings.postgresUser(), settings.postgresPassword());
             var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String database, String sql, List<Object> parameters, Row row) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcBase() + "/" + database,
                settings.postgresUser(), settings.postgresPassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                Object value = parameters.get(i);
                if (value instanceof Collection<?> values) {
                    statement.setArray(i + 1, connection.createArrayOf("text", values.toArray()));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + database + ": " + e.getMessage(), e);
        }
    }
}
