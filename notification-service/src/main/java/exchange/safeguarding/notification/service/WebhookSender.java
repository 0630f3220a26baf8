package exchange.safeguarding.notification.service;

import exchange.safeguarding.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** Posts one signed message to a gateway, Standard Webhooks style, and reports what happened. */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient http;
    private final NotificationConfig config;
    private final Clock clock;

    public WebhookSender(NotificationConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade dance with agency gateways
                .build();
    }

    public WebhookCall send(String url, String webhookId, String body, List<String> secrets) {
        long timestamp = clock.instant().getEpochSecond();
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(config.webhook().timeout())
                    .header("content-type", "application/cloudevents+json; charset=UTF-8")
                    .header("user-agent", "SafeguardingExchange-Webhooks/1")
                    .header("webhook-id", webhookId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSigner.signature(webhookId, timestamp, body, secrets))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            Optional<Duration> retryAfter = status == 429 || status == 503
                    ? response.headers().firstValue("retry-after").flatMap(this::parseRetryAfter)
                    : Optional.empty();
            return new WebhookCall(status, null, since(started), retryAfter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WebhookCall(null, "interrupted", since(started), Optional.empty());
        } catch (Exception e) {
            return new WebhookCall(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    since(started), Optional.empty());
        }
    }

    private Optional<Duration> parseRetryAfter(String value) {
        try {
            Duration wait = value.trim().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value.trim()))
                    : Duration.between(clock.instant(), ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            if (wait.isNegative()) {
                return Optional.empty();
            }
            Duration max = config.webhook().maxRetryAfter();
            return Optional.of(wait.compareTo(max) > 0 ? max : wait);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
