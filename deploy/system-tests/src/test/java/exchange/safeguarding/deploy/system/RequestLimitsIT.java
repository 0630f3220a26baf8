package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.system.TestIdentities.Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The platform's limits, as a caller meets them: a body over 1M gets 413, a page over 200 items 400 (never silently
 * cut), a page past the end an empty list, a request line over 4,096 bytes 414, and a caller past its rate 429 with
 * Retry-After while every other caller carries on. The limits and their settings are in docs/security-testing.md.
 */
class RequestLimitsIT {

    static LocalPlatform platform;
    static SecurityTestWorld world;
    static List<ApiDocuments.Operation> operations;

    @BeforeAll
    static void platformWithTheSecurityTestWorld() {
        platform = Partnership.platform();
        world = SecurityTestWorld.get(platform, Partnership::awaitReplicated);
        operations = ApiDocuments.fetch(platform);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
        Principal practitioner = world.principal("practitioner");
        String concerns = platform.serviceUrl(PlatformSettings.CONCERN) + "/concerns";
        String oversized = "{\"whatHappened\": \"" + "x".repeat(1024 * 1024) + "\"}";
        RawHttp.Response refused = RawHttp.send(RawHttp.Request.of("POST", concerns, world.bearer(practitioner)).json(oversized));
        assertEquals(413, refused.status(), refused.toString());
        assertProblem(refused, 413, "https://safeguarding.exchange/problems/payload-too-large");

        // Just under the limit the body is read: here it is refused for what it says, not for its size.
        String underLimit = "{\"whatHappened\": \"" + "x".repeat(1000 * 1000) + "\"}";
        RawHttp.Response read = RawHttp.send(RawHttp.Request.of("POST", concerns, world.bearer(practitioner)).json(underLimit));
        assertEquals(400, read.status(), read.toString());
        assertTrue(read.body().contains("whatHappened"), "the field over its own maximum is named: " + read);
    }

    @Test
    void everyPagedListRefusesAPageOver200AndAnswersAPagePastTheEndWithNothing() {
        List<ApiDocuments.Operation> paged = operations.stream()
                .filter(o -> o.parameters().stream().anyMatch(p -> p.name().equals("size"))).toList();
        assertTrue(paged.size() >= 6, "the paged lists: " + paged.stream().map(ApiDocuments.Operation::key).toList());
        var expectations = AccessExpectations.load();
        for (ApiDocuments.Operation list : paged) {
            Principal caller = world.principal(expectations.get(list.key()).roles().get(0));
            String url = platform.serviceUrl(list.service()) + list.path();
            for (String query : List.of("size=201", "size=0", "size=1000000", "page=-1")) {
                RawHttp.Response refused = RawHttp.send(RawHttp.Request.of("GET", url + "?" + query, world.bearer(caller)));
                assertEquals(400, refused.status(), list.key() + "?" + query + ": " + refused);
                assertProblem(refused, 400, "https://safeguarding.exchange/problems/invalid-request");
                assertEquals(query.substring(0, query.indexOf('=')), refused.json().path("errors").path(0).path("field").asText(),
                        list.key() + "?" + query + " names the parameter");
            }
            RawHttp.Response full = RawHttp.send(RawHttp.Request.of("GET", url + "?size=200", world.bearer(caller)));
            assertEquals(200, full.status(), list.key() + "?size=200: " + full);
            RawHttp.Response beyond = RawHttp.send(RawHttp.Request.of("GET", url + "?page=" + Integer.MAX_VALUE + "&size=200",
                    world.bearer(caller)));
            assertEquals(200, beyond.status(), list.key() + " far past the end: " + beyond);
            assertEquals("[]", beyond.body(), list.key() + " far past the end is empty");
        }
    }

    @Test
    void aRequestLineOverTheHttpLayersLimitIsRefusedWith414() {
        Principal practitioner = world.principal("practitioner");
        String url = platform.serviceUrl(PlatformSettings.CONCERN) + "/concerns/" + "x".repeat(5000);
        RawHttp.Response refused = RawHttp.send(RawHttp.Request.of("GET", url, world.bearer(practitioner)));
        assertEquals(414, refused.status(), "the HTTP codec refuses it before any handler: " + refused);
    }

    @Test
    void aCallerPastItsRateGets429WithRetryAfterWhileOthersCarryOn() throws Exception {
        Principal hammering = world.identities.principal("sectest-rate-limited-practitioner", SecurityTestWorld.CARE, "practitioner");
        Principal other = world.principal("line-manager");
        String list = platform.serviceUrl(PlatformSettings.CONCERN) + "/concerns?size=1";
        String bearer = world.bearer(hammering);
        AtomicInteger served = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        AtomicReference<RawHttp.Response> limited = new AtomicReference<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            running.add(pool.submit(() -> {
                while (limited.get() == null && sent.incrementAndGet() <= 5_000) {
                    RawHttp.Response answer = RawHttp.send(RawHttp.Request.of("GET", list, bearer));
                    if (answer.status() == 429) {
                        limited.compareAndSet(null, answer);
                    } else if (answer.status() == 200) {
                        served.incrementAndGet();
                    } else {
                        throw new AssertionError("neither served nor limited: " + answer);
                    }
                }
            }));
        }
        for (Future<?> thread : running) {
            thread.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        RawHttp.Response refusal = limited.get();
        assertNotNull(refusal, "no 429 after " + sent.get() + " requests in " + seconds + " s");
        System.out.printf("rate limit: %d requests served in %.2f s (%.0f/s) before the first 429%n", served.get(), seconds,
                served.get() / seconds);
        assertTrue(served.get() >= 300, "the burst of 300 is served first: " + served.get());
        assertProblem(refusal, 429, "https://safeguarding.exchange/problems/too-many-requests");
        long retryAfter = Long.parseLong(refusal.header("retry-after").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        // Meanwhile another caller, and the open health check, are not slowed.
        assertEquals(200, RawHttp.send(RawHttp.Request.of("GET", list, world.bearer(other))).status());
        for (int i = 0; i < 400; i++) {
            assertEquals(200, RawHttp.send(RawHttp.Request.of("GET", platform.serviceUrl(PlatformSettings.CONCERN) + "/q/health/live",
                    null)).status(), "health is never limited");
        }
        // Waiting as told is enough.
        Thread.sleep(Duration.ofSeconds(retryAfter).toMillis() + 200);
        assertEquals(200, RawHttp.send(RawHttp.Request.of("GET", list, bearer)).status(), "served again after Retry-After");
    }

    private static void assertProblem(RawHttp.Response response, int status, String type) {
        assertTrue(response.isProblem(), "problem+json: " + response);
        JsonNode problem = response.json();
        assertEquals(status, problem.path("status").asInt(), response.toString());
        assertEquals(type, problem.path("type").asText(), response.toString());
        assertTrue(problem.path("title").isTextual() && problem.path("detail").isTextual(), response.toString());
        assertTrue(!response.body().contains("Exception") && !response.body().contains("at java."), response.toString());
    }
}
