package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.sharing.config.SharingConfig;
import exchange.safeguarding.sharing.domain.Disclosure;
import exchange.safeguarding.sharing.domain.InformTask;
import exchange.safeguarding.sharing.domain.ReviewTask;
import exchange.safeguarding.sharing.domain.SharingRequest;
import exchange.safeguarding.sharing.messaging.SharingEvents;
import exchange.safeguarding.sharing.repository.DisclosureRepository;
import exchange.safeguarding.sharing.repository.InformTaskRepository;
import exchange.safeguarding.sharing.repository.ReviewTaskRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What an approval sets going: the disclosure itself; when consent was not the basis, the task to inform the
 * person (or record why not); for an emergency, the review. And the completion of those tasks.
 */
@ApplicationScoped
public class SharingFollowUps {

    private final DisclosureRepository disclosures;
    private final InformTaskRepository informTasks;
    private final ReviewTaskRepository reviews;
    private final DisclosureSnapshots snapshots;
    private final DecisionLog log;
    private final SharingEvents events;
    private final SharingConfig config;
    private final Clock clock;

    public SharingFollowUps(DisclosureRepository disclosures, InformTaskRepository informTasks, ReviewTaskRepository reviews,
                            DisclosureSnapshots snapshots, DecisionLog log, SharingEvents events, SharingConfig config,
                            Clock clock) {
        this.disclosures = disclosures;
        this.informTasks = informTasks;
        this.reviews = reviews;
        this.snapshots = snapshots;
        this.log = log;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(SharingRequest r) {
        Instant now = clock.instant();
        Disclosure d = new Disclosure();
        d.id = UUID.randomUUID();
        d.requestId = r.id;
        d.organisation = r.organisation;
        d.recipient = r.recipient;
        d.adultPersonId = r.adultPersonId;
        d.concernId = r.concernId;
        d.purpose = r.purpose;
        d.categories = r.releasedCategories;
        d.emergency = r.emergency;
        d.status = Disclosure.Status.PREPARING;
        d.nextAttemptAt = now;
        d.createdAt = now;
        disclosures.persist(d);
        snapshots.wakeAfterCommit();
        if (r.confidential) {
            // The raising organisation's management is what a whistleblowing concern bypasses: no task of its own
            // about it; the local authority, which knows the raiser, informs the adult as part of its enquiry.
            return;
        }
        if (r.withoutConsent) {
            InformTask task = new InformTask();
            task.id = UUID.randomUUID();
            task.requestId = r.id;
            task.organisation = r.organisation;
            task.dueAt = now.plus(config.informThePersonWithin());
            task.status = InformTask.Status.OPEN;
            informTasks.persist(task);
            events.informThePerson(SharingEvents.INFORM_DUE, task, now);
        }
        if (r.emergency) {
            ReviewTask review = new ReviewTask();
            review.id = UUID.randomUUID();
            review.requestId = r.id;
            review.organisation = r.organisation;
            review.dueAt = now.plus(config.emergencyReviewWithin());
            review.status = ReviewTask.Status.OPEN;
            reviews.persist(review);
            events.reviewDue(review.id, r, review.dueAt);
        }
    }

    @Transactional
    public InformTask informed(Caller caller, UUID id, Instant informedAt, String how) {
        InformTask task = openInformTask(caller, id);
        task.status = InformTask.Status.INFORMED;
        task.informedAt = informedAt == null ? clock.instant() : informedAt;
        task.howInformed = how;
        return closeInformTask(caller, task, SharingEvents.INFORM_DONE, Map.of("informedAt", task.informedAt, "how", how));
    }

    @Transactional
    public InformTask exempt(Caller caller, UUID id, InformTask.ExemptionReason reason, String explanation) {
        InformTask task = openInformTask(caller, id);
        task.status = InformTask.Status.EXEMPTED;
        task.exemptionReason = reason;
        task.explanation = explanation;
        return closeInformTask(caller, task, SharingEvents.INFORM_EXEMPTED, Map.of("reason", reason, "explanation", explanation));
    }

    @Transactional
    public ReviewTask reviewed(Caller caller, UUID id, boolean appropriate, String notes) {
        ReviewTask review = reviews.findById(id);
        if (review == null || !caller.belongsTo(review.organisation)) {
            throw ProblemException.notFound("Review task " + id);
        }
        if (review.status != ReviewTask.Status.OPEN) {
            throw ProblemException.conflict("the review is already done");
        }
        review.status = ReviewTask.Status.DONE;
        review.appropriate = appropriate;
        review.notes = notes;
        review.reviewedBy = caller.name();
        review.reviewedAt = clock.instant();
        log.append("EMERGENCY_REVIEWED", review.requestId, review.organisation, Map.of("reviewTaskId", review.id,
                "appropriate", appropriate, "notes", notes, "reviewedBy", caller.name()));
        return review;
    }

    /** Overdue follow-ups are reported once each, so notification-service can chase them. */
    @Scheduled(every = "${sharing.overdue-check-interval:1m}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void reportOverdue() {
        Instant now = clock.instant();
        for (InformTask task : informTasks.newlyOverdue(now, 200)) {
            task.overdueReportedAt = now;
            events.informThePerson(SharingEvents.INFORM_OVERDUE, task, now);
        }
    }

    private InformTask openInformTask(Caller caller, UUID id) {
        InformTask task = informTasks.findById(id);
        if (task == null || !caller.belongsTo(task.organisation)) {
            throw ProblemException.notFound("Inform-the-person task " + id);
        }
        if (task.status != InformTask.Status.OPEN) {
            throw ProblemException.conflict("the task is already closed (" + task.status + ")");
        }
        return task;
    }

    private InformTask closeInformTask(Caller caller, InformTask task, String eventType, Map<String, ?> detail) {
        task.recordedBy = caller.name();
        task.recordedAt = clock.instant();
        events.informThePerson(eventType, task, task.recordedAt);
        Map<String, Object> entry = new LinkedHashMap<>(detail);
        entry.put("taskId", task.id);
        entry.put("status", task.status);
        entry.put("recordedBy", caller.name());
        log.append("INFORM_THE_PERSON_" + task.status, task.requestId, task.organisation, entry);
        return task;
    }
}
