package exchange.safeguarding.deploy.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the services that copy another service's data (organisations, agreements) have consumed every event
 * on its topic: each consumer group's committed offset has reached the end of every partition. Services commit
 * a few seconds after processing, so a caught-up group has applied everything published so far.
 */
final class EventLag {

    private EventLag() {
    }

    static void awaitConsumed(String bootstrap, String topic, List<String> groups, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            int caughtUpInARow = 0;
            List<String> behind = List.of();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> ends = endOffsets(admin, topic);
                behind = new ArrayList<>();
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    for (var end : ends.entrySet()) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        long position = at == null ? 0 : at.offset();
                        if (position < end.getValue()) {
                            behind.add(group + " at " + position + " of " + end.getValue() + " on " + end.getKey());
                        }
                    }
                }
                // Twice in a row, half a second apart: an event whose transaction just committed may still be on
                // its way from the publisher's outbox to the broker.
                caughtUpInARow = behind.isEmpty() ? caughtUpInARow + 1 : 0;
                if (caughtUpInARow == 2) {
                    return;
                }
                Thread.sleep(500);
            }
            throw new IllegalStateException("not every event on " + topic + " was consumed within " + timeout.toSeconds()
                    + " s: " + behind);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + topic + " to be consumed", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the consumers' positions on " + topic + ": " + e.getMessage(), e);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }
}
