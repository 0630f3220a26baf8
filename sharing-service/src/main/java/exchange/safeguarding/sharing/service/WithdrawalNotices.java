package exchange.safeguarding.sharing.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.sharing.domain.WithdrawalNotice;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.repository.WithdrawalNoticeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Map;

/** Records when each organisation was told of a withdrawal, as notification-service reports the delivery. */
@ApplicationScoped
public class WithdrawalNotices {

    public static final String DELIVERED = "notification.delivered.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Delivered(String eventId, String eventType, String organisation, String channel, Instant deliveredAt) {
    }

    private final WithdrawalNoticeRepository notices;
    private final DecisionLog log;
    private final EventCodec codec;

    public WithdrawalNotices(WithdrawalNoticeRepository notices, DecisionLog log, EventCodec codec) {
        this.notices = notices;
        this.log = log;
        this.codec = codec;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (!DELIVERED.equals(event.type())) {
            return;
        }
        Delivered delivered = codec.data(event, Delivered.class);
        if (!SharingEvents.WITHDRAWAL_NOTICE.equals(delivered.eventType())) {
            return;
        }
        WithdrawalNotice notice = notices.byEvent(delivered.eventId());
        if (notice == null || notice.toldAt != null || !notice.recipient.equals(delivered.organisation())) {
            return;
        }
        notice.toldAt = delivered.deliveredAt();
        log.append("WITHDRAWAL_NOTICE_DELIVERED", notice.withdrawalId, notice.recipient, Map.of("noticeId", notice.id,
                "recipient", notice.recipient, "channel", String.valueOf(delivered.channel()), "toldAt", notice.toldAt));
    }
}
