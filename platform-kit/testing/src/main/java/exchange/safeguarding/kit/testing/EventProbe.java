package exchange.safeguarding.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads a topic from the beginning, as an independent consumer, to see what a service really published. */
public final class EventProbe {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Dates as ISO strings, as the services write them. */
    private static final ObjectMapper EVENT_WRITER = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventProbe() {
    }

    /** Waits up to {@code timeout} for events matching {@code match}; returns every match seen by then. */
    public static List<JsonNode> await(String topic, Predicate<JsonNode> match, int atLeast, Duration timeout) {
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && found.size() < atLeast) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode event = parse(record.value());
                    if (event != null && match.test(event)) {
                        found.add(event);
                    }
                }
            }
        }
        return found;
    }

    /** Publishes a CloudEvent exactly as the outbox relay does (structured mode, with its content type). */
    public static void publish(String topic, String key, String cloudEventJson) {
        send(topic, key, cloudEventJson, "application/cloudevents+json; charset=UTF-8");
    }

    /**
     * Wraps {@code data} in a CloudEvents 1.0 envelope (as another service's outbox would) and publishes it;
     * returns the event id.
     */
    public static String publishEvent(String topic, String key, String type, Object data) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", id);
        event.put("source", "/safeguarding-exchange/test");
        event.put("type", type);
        event.put("time", java.time.Instant.now().toString());
        event.put("subject", key);
        event.put("datacontenttype", "application/json");
        event.put("data", data);
        try {
            publish(topic, key, EVENT_WRITER.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
        return id;
    }

    /** Publishes a record with no content type, as a faulty producer might. */
    public static void publishRaw(String topic, String key, String value) {
        send(topic, key, value, null);
    }

    private static void send(String topic, String key, String value, String contentType) {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(Map.of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers(),
                org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all",
                org.apache.kafka.clients.producer.ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class,
                org.apache.kafka.clients.producer.ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, org.apache.kafka.common.serialization.StringSerializer.class))) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value);
            if (contentType != null) {
                record.headers().add("content-type", contentType.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    private static JsonNode parse(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (java.io.IOException e) {
            return null; // not JSON: a poison message some test put there on purpose
        }
    }
}
