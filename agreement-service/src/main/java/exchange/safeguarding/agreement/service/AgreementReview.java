package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.config.AgreementReviewConfig;
import exchange.safeguarding.agreement.domain.agreement.AgreementChange;
import exchange.safeguarding.agreement.domain.agreement.AgreementStatus;
import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;
import exchange.safeguarding.agreement.messaging.AgreementEvents;
import exchange.safeguarding.agreement.repository.AgreementSignatureRepository;
import exchange.safeguarding.agreement.repository.AgreementVersionRepository;
import exchange.safeguarding.agreement.repository.SharingAgreementRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;

/**
 * What time does to agreements: signed versions come into force on their effective date, parties are told
 * a review is due ahead of the review date, unreviewed agreements lapse after the grace period, and
 * agreements end on their effective-to date. Versions are locked while checked, so replicas agree.
 */
@ApplicationScoped
public class AgreementReview {

    static final String BY = "platform (scheduled review)";

    private final AgreementVersionRepository versions;
    private final SharingAgreementRepository agreements;
    private final AgreementSignatureRepository signatures;
    private final AgreementActivation activation;
    private final AgreementEvents events;
    private final AgreementReviewConfig config;
    private final Clock clock;

    public AgreementReview(AgreementVersionRepository versions, SharingAgreementRepository agreements,
                           AgreementSignatureRepository signatures, AgreementActivation activation,
                           AgreementEvents events, AgreementReviewConfig config, Clock clock) {
        this.versions = versions;
        this.agreements = agreements;
        this.signatures = signatures;
        this.activation = activation;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${agreement.review.check-interval:1h}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        QuarkusTransaction.requiringNew().run(this::reviewAll);
    }

    private void reviewAll() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        for (AgreementVersion version : versions.withStatus(EnumSet.of(AgreementStatus.SIGNED,
                AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED))) {
            SharingAgreement agreement = agreements.findById(version.agreementId);
            if (version.effectiveTo != null && today.isAfter(version.effectiveTo)) {
                activation.end(agreement, version, AgreementStatus.EXPIRED, "its effective-to date "
                        + version.effectiveTo + " has passed", BY);
            } else if (version.status == AgreementStatus.SIGNED) {
                activation.tryActivate(version, BY);
            } else if (today.isAfter(version.reviewDate.plus(config.grace()))) {
                activation.end(agreement, version, AgreementStatus.LAPSED, "not reviewed by " + version.reviewDate
                        + " plus the grace period of " + config.grace(), BY);
            } else if (version.reviewDueAnnouncedAt == null && !today.isBefore(version.reviewDate.minus(config.leadTime()))) {
                version.reviewDueAnnouncedAt = clock.instant();
                AgreementChange.of(agreement.id, version.version, "review due by " + version.reviewDate, BY,
                        clock.instant()).persist();
                events.publish(AgreementEvents.REVIEW_DUE, agreement, version, signatures.of(version.id));
            }
        }
    }
}
