package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.domain.OrganisationChange;
import exchange.safeguarding.agreement.domain.agreement.AgreementStatus;
import exchange.safeguarding.agreement.messaging.OrganisationEvents;
import exchange.safeguarding.agreement.repository.AgreementVersionRepository;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Announces when an organisation becomes active or stops being active, whether because of a change or
 * because time passed (a whistleblowing policy falling past its review date).
 */
@ApplicationScoped
public class OrganisationActivation {

    private final OrganisationRepository organisations;
    private final OrganisationEvents events;
    private final AgreementVersionRepository versions;
    private final AgreementActivation agreements;
    private final Clock clock;

    public OrganisationActivation(OrganisationRepository organisations, OrganisationEvents events,
                                  AgreementVersionRepository versions, AgreementActivation agreements, Clock clock) {
        this.organisations = organisations;
        this.events = events;
        this.versions = versions;
        this.agreements = agreements;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reconcile(Organisation organisation, String by) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        boolean activeNow = organisation.activeOn(today);
        if (activeNow == organisation.active) {
            return;
        }
        organisation.active = activeNow;
        OrganisationChange.of(organisation.code, activeNow ? "became active" : "stopped being active: "
                + String.join("; ", organisation.missingForActivation(today)), by, clock.instant()).persist();
        events.publish(activeNow ? OrganisationEvents.ACTIVATED : OrganisationEvents.DEACTIVATED, organisation, today);
        if (activeNow) {
            // Signed agreements may have been waiting only for this organisation.
            versions.naming(organisation.code).stream().filter(v -> v.status == AgreementStatus.SIGNED)
                    .forEach(v -> agreements.tryActivate(v, by));
        }
    }

    /** Time alone can end an organisation's activation; look regularly. */
    @Scheduled(every = "${agreement.review.check-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcileAll() {
        // Rows are locked so two replicas checking at once announce a change only once.
        QuarkusTransaction.requiringNew().run(() -> organisations.findAll()
                .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(organisation -> reconcile(organisation, "platform (scheduled check)")));
    }
}
