package exchange.safeguarding.notification.service;

import exchange.safeguarding.kit.testing.EventProbe;
import exchange.safeguarding.notification.GreenMailResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Email to the safeguarding lead over real SMTP, for what a lead must act on, with no personal detail. */
@QuarkusTest
class EmailNotificationTest {

    final String org = "ORG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final String lead = "lead-" + org.toLowerCase() + "@example.org";

    void announceLead() {
        EventProbe.publish("safeguarding.agreements", org, """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/agreement-service",
                 "type":"organisation.activated.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"code":"%s","name":"Test org","type":"CARE_PROVIDER","status":"ACTIVE",
                         "safeguardingLead":{"name":"Lena Lead","role":"Safeguarding lead","email":"%s","phone":"01234"}}}"""
                .formatted(UUID.randomUUID(), Instant.now(), org, org, lead));
    }

    String routed(String audience) {
        String concernId = UUID.randomUUID().toString();
        EventProbe.publish("safeguarding.concerns", concernId, """
                {"specversion":"1.0","id":"%s","source":"/safeguarding-exchange/concern-service",
                 "type":"concern.escalated.v1","time":"%s","subject":"%s","datacontenttype":"application/json",
                 "data":{"concernId":"%s","organisation":"%s","step":"SAFEGUARDING_LEAD","owner":"%s",
                         "reason":"Edith Clarke's manager did not respond","recipients":[{"organisation":"%s","audience":"%s"}]}}"""
                .formatted(UUID.randomUUID(), Instant.now(), concernId, concernId, org, org, org, audience));
        return concernId;
    }

    List<MimeMessage> to(String address) {
        return Arrays.stream(GreenMailResource.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void theLeadIsEmailedWhatNeedsTheirAttentionWithoutPersonalDetails() throws Exception {
        announceLead();
        Thread.sleep(1000);
        String concernId = routed("safeguarding-lead");
        routed("line-manager");
        await().atMost(Duration.ofSeconds(30)).until(() -> to(lead).size() == 1);
        MimeMessage email = to(lead).get(0);
        String body = email.getContent().toString();
        assertThat(email.getSubject()).isEqualTo("Safeguarding Exchange: Concern escalated needs attention");
        assertThat(body).contains("/concerns/" + concernId).contains("concern.escalated.v1")
                .doesNotContain("Edith").doesNotContain("Clarke");
        // The line manager's notification goes to the inbox and gateway, not the lead's mailbox.
        Thread.sleep(3000);
        assertThat(to(lead)).hasSize(1);
    }
}
