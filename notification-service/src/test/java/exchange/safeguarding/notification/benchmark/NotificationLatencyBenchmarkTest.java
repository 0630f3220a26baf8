package exchange.safeguarding.notification.benchmark;

import com.sun.net.httpserver.HttpServer;
import exchange.safeguarding.kit.crypto.SecretSealer;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end notification latency: from an event published on Kafka to the signed webhook received by an
 * agency's gateway, at a steady rate. Each webhook passes the real path: consumed once (inbox), routed,
 * planned with its inbox message in one transaction, woken after commit, claimed, signed, posted, and its
 * outcome recorded. For scale, the same run times a bare Kafka produce-to-consume at the same rate.
 *
 * Run: ./mvnw -pl notification-service test -Dgroups=benchmark -DexcludedGroups=none
 *      [-Dbenchmark.rates=50,100,200] [-Dbenchmark.seconds=30] [-Dbenchmark.warmup-seconds=60]
 */
@QuarkusTest
@Tag("benchmark")
class NotificationLatencyBenchmarkTest {

    static final int ORGANISATIONS = 20;
    static final int CONCERNS = 400;
    static final Pattern EVENT_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    @Inject
    SecretSealer sealer;

    @Inject
    io.agroal.api.AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    final Map<String, Long> receivedAt = new ConcurrentHashMap<>();

    @Test
    void eventOnKafkaToWebhookReceived() throws Exception {
        List<Integer> rates = Arrays.stream(System.getProperty("benchmark.rates", "50,100,200").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int seconds = Integer.getInteger("benchmark.seconds", 30);
        int top = rates.stream().max(Integer::compare).orElseThrow();
        HttpServer gateway = gateway();
        try (KafkaProducer<String, String> producer = producer()) {
            String base = "http://localhost:" + gateway.getAddress().getPort() + "/hooks/";
            for (int i = 0; i < ORGANISATIONS; i++) {
                EventProbe.publish("safeguarding.agreements", org(i), """
                        {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/agreement-service",
                         "type":"organisation.gateway-configured.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                         "data":{"organisation":"%s","url":"%s","secrets":[{"id":"%s","sealed":"%s","notAfter":null}]}}"""
                        .formatted(UUID.randomUUID(), Instant.now(), org(i), org(i), base + org(i), UUID.randomUUID(),
                                sealer.seal("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))));
            }
            Thread.sleep(3000);

            // Warm up the JIT (a long way: the broker runs in this JVM too), the pools and the consumer.
            List<String> warmUp = publish(producer, top, Integer.getInteger("benchmark.warmup-seconds", 60));
            awaitAll(warmUp, Duration.ofSeconds(180));
            StringBuilder lines = new StringBuilder();
            double p99AtTop = 0;
            for (int rate : rates) {
                long started = System.nanoTime();
                Thread progress = progress(started);
                List<String> measured = publish(producer, rate, seconds);
                awaitAll(measured, Duration.ofSeconds(180));
                progress.interrupt();
                long[] platform = latencies(measured);
                assertThat(platform).hasSize(measured.size());
                lines.append("  %4d/s (%,6d events): p50 %6.1f ms   p95 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n".formatted(rate,
                        measured.size(), ms(platform, 0.50), ms(platform, 0.95), ms(platform, 0.99), ms(platform, 1.0)));
                if (rate == top) {
                    p99AtTop = ms(platform, 0.99);
                }
                Thread.sleep(3000);
            }
            long[] kafka = rawKafka(producer, top, seconds);
            report(top, seconds, lines.toString(), p99AtTop, kafka);
        } finally {
            gateway.stop(0);
        }
    }

    /** Publishes concern.routed events at the rate, as concern-service's outbox relay would; returns their ids. */
    private List<String> publish(KafkaProducer<String, String> producer, int rate, int seconds) {
        int count = rate * seconds;
        String[] ids = new String[count];
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = UUID.randomUUID().toString();
            String concern = concern(i % CONCERNS);
            String org = org(i % ORGANISATIONS);
            String event = """
                    {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/concern-service",
                     "type":"concern.routed.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                     "data":{"concernId":"%s","organisation":"%s","urgency":"ROUTINE","step":"LINE_MANAGER","owner":"%s",
                             "responseDueAt":"%s","recipients":[{"organisation":"%s","audience":"line-manager"}]}}"""
                    .formatted(id, Instant.now(), concern, concern, org, org, Instant.now().plus(Duration.ofDays(1)), org);
            sentAt.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>("safeguarding.concerns", concern, event));
            ids[i] = id;
        }
        return Arrays.asList(ids);
    }

    /** Where a backlog builds, if one does: events consumed, deliveries made, webhooks received. */
    private Thread progress(long started) {
        Thread t = new Thread(() -> {
            try (var c = dataSource.getConnection(); var st = c.createStatement()) {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(2000);
                    var rs = st.executeQuery("select (select count(*) from kit_inbox where consumer = 'concern-notifications'),"
                            + " (select count(*) from delivery where status = 'DELIVERED'), (select count(*) from delivery)");
                    rs.next();
                    System.out.printf("progress %5.1f s: consumed %d, deliveries %d delivered %d, received %d%n",
                            (System.nanoTime() - started) / 1e9, rs.getLong(1), rs.getLong(3), rs.getLong(2), receivedAt.size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.out.println("progress: " + e);
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void awaitAll(List<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (ids.stream().allMatch(receivedAt::containsKey)) {
                return;
            }
            Thread.sleep(200);
        }
        long missing = ids.stream().filter(id -> !receivedAt.containsKey(id)).count();
        throw new AssertionError(missing + " of " + ids.size() + " webhooks never arrived");
    }

    private long[] latencies(List<String> ids) {
        return ids.stream().mapToLong(id -> receivedAt.get(id) - sentAt.get(id)).sorted().toArray();
    }

    /** A bare Kafka produce-to-consume at the same rate, on the same broker. */
    private long[] rawKafka(KafkaProducer<String, String> producer, int rate, int seconds) throws Exception {
        String topic = "benchmark.raw-" + UUID.randomUUID();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> consumed = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        producer.send(new ProducerRecord<>(topic, "warm", "warm")).get();
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(props)) {
                c.subscribe(List.of(topic));
                while (running.get()) {
                    for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                        consumed.putIfAbsent(r.value(), System.nanoTime());
                    }
                    c.commitAsync();
                }
            }
        });
        consumer.start();
        Thread.sleep(3000);
        int count = rate * seconds;
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            String id = UUID.randomUUID().toString();
            sent.put(id, System.nanoTime());
            producer.send(new ProducerRecord<>(topic, id, id));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumed.size() < count + 1 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        running.set(false);
        consumer.join();
        return sent.entrySet().stream().filter(e -> consumed.containsKey(e.getKey()))
                .mapToLong(e -> consumed.get(e.getKey()) - e.getValue()).sorted().toArray();
    }

    private HttpServer gateway() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            long now = System.nanoTime();
            Matcher id = EVENT_ID.matcher(new String(body, StandardCharsets.UTF_8));
            if (id.find()) {
                receivedAt.putIfAbsent(id.group(1), now);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.start();
        return server;
    }

    private KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private void report(int top, int seconds, String lines, double p99AtTop, long[] kafka) throws Exception {
        String text = """
                Notification latency benchmark (%s, %d cores; PostgreSQL, the Kafka broker, the service and the load
                generator all share this machine)
                load: concern.routed events at each rate for %d s, %d concerns, %d organisations' gateways, after a warm-up
                event on Kafka -> signed webhook received by the gateway (consume once, route, plan with inbox message,
                commit, wake, claim, sign, POST, record the outcome):
                %s  (target: p99 < 50 ms at 200/s)
                bare Kafka produce -> consume, same broker, %d/s (%,d messages):
                  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms
                ratio platform / bare Kafka at p99, %d/s: %.1f
                """.formatted(Instant.now(), Runtime.getRuntime().availableProcessors(), seconds, CONCERNS, ORGANISATIONS,
                lines, top, kafka.length, ms(kafka, 0.50), ms(kafka, 0.95), ms(kafka, 0.99), ms(kafka, 1.0), top,
                p99AtTop / ms(kafka, 0.99));
        System.out.println(text);
        Path out = Path.of("target", "benchmarks", "notification-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text);
    }

    private static double ms(long[] sorted, double percentile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(percentile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String org(int i) {
        return "BENCH-ORG-" + i;
    }

    private static String concern(int i) {
        return new UUID(0xbe7c4L, i).toString();
    }
}
