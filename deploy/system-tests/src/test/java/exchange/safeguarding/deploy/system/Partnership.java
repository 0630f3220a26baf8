package exchange.safeguarding.deploy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import exchange.safeguarding.deploy.local.LocalPlatform;
import exchange.safeguarding.deploy.local.PlatformSettings;
import exchange.safeguarding.deploy.local.demo.DemoPartnership;
import exchange.safeguarding.kit.testing.GatewayReceiver;
import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/**
 * The shared fixture of the system tests: the platform started once per test JVM with the Northshire demo
 * partnership seeded (through the public APIs, as {@code deploy/local} seeds it for a developer), tokens of its
 * people and gateways, and one webhook receiver per organisation.
 *
 * <p>Quickest loop: {@code flock /tmp/sgx-maven.lock ./mvnw -B -o -pl deploy/system-tests verify -Dit.test=YourIT}
 * (about 3 minutes, a minute of it starting the platform; several classes comma-separated share one platform). Only
 * after changing deploy/local or a service, first {@code flock /tmp/sgx-maven.lock ./mvnw -B -o -q -pl deploy/local
 * install -DskipTests}. The platform's logs are in {@code deploy/system-tests/target/platform-home/logs}, a test's
 * output in {@code target/failsafe-reports/*-output.txt}.
 *
 * <p>What the partnership holds (see {@code deploy/local/.../demo}): every organisation below is registered with
 * area "Northshire", set up and ACTIVE, with response times of hours; all but {@link #CHARITY} are party to the
 * active "Northshire Safeguarding Adults Information Sharing Protocol" (purposes PREVENT_DEATH_OR_SERIOUS_HARM,
 * COORDINATE_RESPONSES (no criminal offence data, no person alleged to cause harm), PREVENT_ABUSE_INCREASING_CARE_NEEDS,
 * IDENTIFY_RISK_AND_REDUCE_OFFENDING, REVEAL_PATTERNS_OF_ABUSE, IDENTIFY_LOW_LEVEL_CONCERNS); six demo concerns
 * about invented adults exist. Tests that change an organisation should change one no other test relies on for
 * that, and put it back.
 */
final class Partnership {

    /** Local authority adult social care: asc.officer (la-safeguarding-officer), asc.admin (protocol-admin), asc.auditor. */
    static final String COUNCIL = DemoPartnership.COUNCIL;
    /** police.lead (safeguarding-lead), police.officer (practitioner). */
    static final String POLICE = DemoPartnership.POLICE;
    /** nhs.practitioner, nhs.manager, nhs.lead, nhs.caldicott. */
    static final String NHS = DemoPartnership.NHS;
    /** ambulance.practitioner, ambulance.lead. */
    static final String AMBULANCE = DemoPartnership.AMBULANCE;
    /** A care home: care.practitioner, care.manager, care.lead, care.dpo, care.caldicott. */
    static final String MEADOWBANK = DemoPartnership.MEADOWBANK;
    /** A second care provider: orchard.practitioner, orchard.manager, orchard.lead. Scenario 3 shortens its response times. */
    static final String ORCHARD = DemoPartnership.ORCHARD;
    /** A housing association: homes.practitioner, homes.lead. */
    static final String HOMES = DemoPartnership.HOMES;
    /** A charity with no agreement: charity.practitioner, charity.lead. */
    static final String CHARITY = DemoPartnership.CHARITY;
    /** The protocol-admin who registers and sets up organisations and drafts agreements. */
    static final String ADMIN = "asc.admin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();
    private static final Map<String, Gateway> GATEWAYS = new ConcurrentHashMap<>();

    private record CachedToken(String bearer, Instant renewAfter) {
    }

    private record Gateway(GatewayReceiver receiver, String secret) {
    }

    private Partnership() {
    }

    /** The running platform, demo partnership seeded; started on first use. */
    static LocalPlatform platform() {
        return RunningPlatform.get();
    }

    /** "Bearer &lt;token&gt;" for a demo user of the realm (password demo), cached until a minute before it expires. */
    static String user(String username) {
        return cached("user:" + username, () -> KeycloakTokens.userToken(platform().tokenEndpoint(), username));
    }

    /** "Bearer &lt;token&gt;" for the organisation's gateway service account (client gateway-&lt;code&gt;, demo secret). */
    static String gateway(String organisationCode) {
        return cached("gateway:" + organisationCode,
                () -> KeycloakTokens.gatewayToken(platform().tokenEndpoint(), organisationCode));
    }

    /** A service's URL; {@code service} is PlatformSettings.AGREEMENT, CONCERN, SHARING or NOTIFICATION. */
    static String url(String service, String path) {
        return platform().serviceUrl(service) + path;
    }

    /**
     * The organisation's gateway: a receiver created on first call (one per organisation per JVM), which the
     * organisation's webhooks are then sent to. Messages the organisation was due before are delivered to it too
     * (they waited for a gateway). notification-service learns of a new gateway within a second or so; call
     * {@link #awaitReplicated()} after setting up the gateways a test needs when it measures delivery times.
     */
    static synchronized GatewayReceiver gatewayOf(String organisationCode) {
        Gateway known = GATEWAYS.get(organisationCode);
        if (known != null) {
            return known.receiver();
        }
        GatewayReceiver receiver = new GatewayReceiver();
        Runtime.getRuntime().addShutdownHook(new Thread(receiver::close));
        String gateway = url(PlatformSettings.AGREEMENT, "/organisations/" + organisationCode + "/gateway");
        String secret = given().header("Authorization", user(ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url("/webhooks/" + organisationCode.toLowerCase())))
                .put(gateway).then().statusCode(200).extract().path("signingSecret");
        if (secret == null) {
            // A gateway was set before (a platform that kept its data): the secret was shown then, so issue a new
            // one. The old one keeps signing too for a day; verification needs only one signature to match.
            secret = given().header("Authorization", user(ADMIN)).post(gateway + "/secret-rotations")
                    .then().statusCode(200).extract().path("signingSecret");
        }
        GATEWAYS.put(organisationCode, new Gateway(receiver, secret));
        return receiver;
    }

    /** The signing secret of the organisation's webhooks (whsec_...); the gateway must have been set by {@link #gatewayOf}. */
    static String secretOf(String organisationCode) {
        Gateway gateway = GATEWAYS.get(organisationCode);
        if (gateway == null) {
            throw new IllegalStateException("call gatewayOf(\"" + organisationCode + "\") first");
        }
        return gateway.secret();
    }

    /**
     * Waits until concern-service, sharing-service and notification-service have applied every organisation and
     * agreement event published so far: after changing a set-up (response times, area), a gateway or an agreement,
     * and before acting on it. Takes up to about six seconds (services commit their positions every five).
     */
    static void awaitReplicated() {
        platform().awaitAgreementEventsConsumed(Duration.ofSeconds(60));
    }

    /** A webhook of this CloudEvents type about this subject (a concern, a disclosure...) or naming it in its data. */
    static Predicate<GatewayReceiver.Received> webhook(String type, String id) {
        return r -> {
            JsonNode body = json(r.body());
            return type.equals(body.path("type").asText())
                    && (id.equals(body.path("subject").asText()) || body.path("data").toString().contains(id));
        };
    }

    /**
     * The webhook's body, after checking its Standard Webhooks signature with the secret the organisation was
     * given; fails the test if it does not verify.
     */
    static JsonNode verified(String organisationCode, GatewayReceiver.Received webhook) {
        try {
            new Webhook(secretOf(organisationCode)).verify(webhook.body(), webhook.headers());
        } catch (WebhookVerificationException | EmptyWebhookSecretException e) {
            throw new AssertionError("the webhook to " + organisationCode + " does not verify: " + e.getMessage(), e);
        }
        return json(webhook.body());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cached(String key, java.util.function.Supplier<KeycloakTokens.Token> fetch) {
        CachedToken token = TOKENS.get(key);
        if (token == null || Instant.now().isAfter(token.renewAfter())) {
            KeycloakTokens.Token fresh = fetch.get();
            token = new CachedToken("Bearer " + fresh.value(),
                    Instant.now().plusSeconds(Math.max(fresh.expiresInSeconds() - 60, 5)));
            TOKENS.put(key, token);
        }
        return token.bearer();
    }
}
