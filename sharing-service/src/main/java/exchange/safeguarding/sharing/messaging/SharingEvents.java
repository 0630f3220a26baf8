package exchange.safeguarding.sharing.messaging;

import exchange.safeguarding.kit.outbox.Outbox;
import exchange.safeguarding.sharing.domain.ConsentRecord;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events sharing-service publishes on {@value #TOPIC}. */
@ApplicationScoped
public class SharingEvents {

    public static final String TOPIC = "safeguarding.sharing";
    public static final String CONSENT_RECORDED = "consent.recorded.v1";

    /** No names travel: consumers learn that a decision exists and fetch it if entitled. */
    public record ConsentRecorded(UUID consentRecordId, String organisation, String decision, List<String> purposes,
                                  Instant recordedAt) {
    }

    private final Outbox outbox;

    public SharingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void consentRecorded(ConsentRecord record) {
        outbox.append(TOPIC, CONSENT_RECORDED, record.id.toString(), new ConsentRecorded(record.id, record.organisation,
                record.decision.name(), record.purposes, record.recordedAt));
    }
}
