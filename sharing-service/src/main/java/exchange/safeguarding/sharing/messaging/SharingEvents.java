package exchange.safeguarding.sharing.messaging;

import exchange.safeguarding.kit.outbox.Outbox;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.sharing.domain.ConsentRecord;
import exchange.safeguarding.sharing.domain.Disclosure;
import exchange.safeguarding.sharing.domain.InformTask;
import exchange.safeguarding.sharing.domain.SharingRequest;
import exchange.safeguarding.sharing.domain.WithheldCategory;
import exchange.safeguarding.sharing.domain.WithdrawalNotice;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events sharing-service publishes on {@value #TOPIC}. They carry identifiers, organisations, purposes
 * and categories, never the adult's details: an entitled reader fetches those.
 */
@ApplicationScoped
public class SharingEvents {

    public static final String TOPIC = "safeguarding.sharing";
    public static final String CONSENT_RECORDED = "consent.recorded.v1";
    public static final String CONSENT_WITHDRAWN = "consent.withdrawn.v1";
    public static final String WITHDRAWAL_NOTICE = "consent.withdrawal-notice.v1";
    public static final String SHARING_APPROVED = "sharing.approved.v1";
    public static final String SHARING_REFUSED = "sharing.refused.v1";
    public static final String SHARING_PENDING_APPROVAL = "sharing.pending-approval.v1";
    public static final String SHARING_CHALLENGED = "sharing.challenged.v1";
    public static final String REVIEW_DUE = "sharing.review-due.v1";
    public static final String DISCLOSURE_MADE = "disclosure.made.v1";
    public static final String INFORM_DUE = "inform-the-person.due.v1";
    public static final String INFORM_DONE = "inform-the-person.done.v1";
    public static final String INFORM_EXEMPTED = "inform-the-person.exempted.v1";
    public static final String INFORM_OVERDUE = "inform-the-person.overdue.v1";

    public record ConsentRecorded(UUID consentRecordId, String organisation, String decision, List<String> purposes,
                                  Instant recordedAt) {
    }

    public record ConsentWithdrawn(UUID withdrawalId, String organisation, List<UUID> withdrawnConsentIds,
                                   List<String> recipientsToTell, Instant withdrawnAt) {
    }

    /** Addressed to one organisation that received information under the withdrawn consent. */
    public record WithdrawalNoticed(UUID noticeId, UUID withdrawalId, UUID disclosureId, String organisation,
                                    String recipient, Instant withdrawnAt) {
    }

    public record SharingDecided(UUID requestId, String organisation, String recipient, UUID concernId, String purpose,
                                 String outcome, boolean emergency, boolean withoutConsent, String ground,
                                 List<DataCategory> released, List<DataCategory> withheld, Integer agreementVersion,
                                 String agreementReference, String decidedBy, Instant decidedAt, String route,
                                 List<WithheldCategory> withheldBecause, boolean confidential) {
    }

    public record SharingChallenged(UUID challengeId, UUID requestId, String organisation, String challenger, Instant at) {
    }

    public record ReviewDue(UUID reviewTaskId, UUID requestId, String organisation, Instant dueAt) {
    }

    public record DisclosureMade(UUID disclosureId, UUID requestId, String organisation, String recipient, UUID concernId,
                                 String purpose, List<DataCategory> categories, boolean emergency, String snapshotSha256,
                                 Instant madeAt) {
    }

    public record InformThePerson(UUID taskId, UUID requestId, String organisation, String status, Instant dueAt,
                                  String exemptionReason, Instant at) {
    }

    private final Outbox outbox;

    public SharingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void consentRecorded(ConsentRecord record) {
        outbox.append(TOPIC, CONSENT_RECORDED, record.id.toString(), new ConsentRecorded(record.id, record.organisation,
                record.decision.name(), record.purposes, record.recordedAt));
    }

    public void consentWithdrawn(ConsentRecord withdrawal, List<UUID> withdrawn, List<String> recipients) {
        outbox.append(TOPIC, CONSENT_WITHDRAWN, withdrawal.id.toString(), new ConsentWithdrawn(withdrawal.id,
                withdrawal.organisation, withdrawn, recipients, withdrawal.recordedAt));
    }

    /** Returns the event id, by which notification-service later reports the delivery. */
    public String withdrawalNotice(WithdrawalNotice notice, String organisation) {
        return outbox.append(TOPIC, WITHDRAWAL_NOTICE, notice.recipient, new WithdrawalNoticed(notice.id, notice.withdrawalId,
                notice.disclosureId, organisation, notice.recipient, notice.createdAt)).id();
    }

    public void decided(SharingRequest r) {
        String type = switch (r.outcome) {
            case APPROVED -> SHARING_APPROVED;
            case REFUSED -> SHARING_REFUSED;
            case PENDING_APPROVAL -> SHARING_PENDING_APPROVAL;
        };
        outbox.append(TOPIC, type, r.id.toString(), new SharingDecided(r.id, r.organisation, r.recipient, r.concernId,
                r.purpose.name(), r.outcome.name(), r.emergency, r.withoutConsent, r.ground == null ? null : r.ground.name(),
                r.releasedCategories, r.withheld.stream().map(w -> w.category()).toList(), r.agreementVersion,
                r.agreementReference, r.decidedBy, r.decidedAt, r.route == null ? null : r.route.name(), r.withheld,
                r.confidential));
    }

    public void challenged(UUID challengeId, SharingRequest r, String challenger, Instant at) {
        outbox.append(TOPIC, SHARING_CHALLENGED, r.id.toString(), new SharingChallenged(challengeId, r.id, r.organisation,
                challenger, at));
    }

    public void reviewDue(UUID taskId, SharingRequest r, Instant dueAt) {
        outbox.append(TOPIC, REVIEW_DUE, r.id.toString(), new ReviewDue(taskId, r.id, r.organisation, dueAt));
    }

    public void disclosureMade(Disclosure d) {
        outbox.append(TOPIC, DISCLOSURE_MADE, d.requestId.toString(), new DisclosureMade(d.id, d.requestId, d.organisation,
                d.recipient, d.concernId, d.purpose.name(), d.categories, d.emergency, d.snapshotSha256, d.madeAt));
    }

    public void informThePerson(String type, InformTask task, Instant at) {
        outbox.append(TOPIC, type, task.requestId.toString(), new InformThePerson(task.id, task.requestId, task.organisation,
                task.status.name(), task.dueAt, task.exemptionReason == null ? null : task.exemptionReason.name(), at));
    }
}
