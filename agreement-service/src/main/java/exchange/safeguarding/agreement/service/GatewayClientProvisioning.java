package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.client.GatewayClients;
import exchange.safeguarding.agreement.config.KeycloakAdminConfig;
import exchange.safeguarding.agreement.domain.GatewayClientStatus;
import exchange.safeguarding.agreement.domain.GatewayClientTask;
import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.domain.OrganisationChange;
import exchange.safeguarding.agreement.repository.GatewayClientTaskRepository;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.problem.Problem;
import exchange.safeguarding.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps each organisation's gateway client in the identity provider in step with the organisation:
 * created on registration, disabled on suspension, enabled on reinstatement. The work is queued with the
 * change and retried with back-off, so a Keycloak outage delays provisioning but never loses it.
 */
@ApplicationScoped
public class GatewayClientProvisioning {

    private static final Logger LOG = Logger.getLogger(GatewayClientProvisioning.class);

    /** The client's id and secret, shown once. */
    public record GatewayCredentials(String clientId, String clientSecret) {
    }

    private final GatewayClientTaskRepository tasks;
    private final OrganisationRepository organisations;
    private final GatewayClients clients;
    private final KeycloakAdminConfig config;
    private final Clock clock;

    public GatewayClientProvisioning(GatewayClientTaskRepository tasks, OrganisationRepository organisations,
                                     GatewayClients clients, KeycloakAdminConfig config, Clock clock) {
        this.tasks = tasks;
        this.organisations = organisations;
        this.clients = clients;
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void schedule(Organisation organisation, GatewayClientTask.Action action, Instant now) {
        tasks.persist(GatewayClientTask.of(organisation.code, action, now));
    }

    @Scheduled(every = "${agreement.keycloak.provisioning-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runDueTasks() {
        if (!config.provisioningEnabled()) {
            return;
        }
        for (int i = 0; i < 50; i++) {
            if (!QuarkusTransaction.requiringNew().call(this::runOne)) {
                return;
            }
        }
    }

    /** Runs the next due task; false when there is none. */
    private boolean runOne() {
        var next = tasks.claimNextDue(clock.instant());
        if (next.isEmpty()) {
            return false;
        }
        GatewayClientTask task = next.get();
        Organisation organisation = organisations.findById(task.organisation);
        Instant now = clock.instant();
        task.attempts++;
        try {
            switch (task.action) {
                case ENSURE -> {
                    organisation.gatewayClientId = clients.ensureClient(organisation.code, organisation.name);
                    organisation.gatewayClientStatus = organisation.suspendedAt == null
                            ? GatewayClientStatus.PROVISIONED : GatewayClientStatus.DISABLED;
                    if (organisation.suspendedAt != null) {
                        clients.setEnabled(organisation.code, false);
                    }
                }
                case DISABLE -> {
                    clients.setEnabled(organisation.code, false);
                    organisation.gatewayClientStatus = GatewayClientStatus.DISABLED;
                }
                case ENABLE -> {
                    clients.setEnabled(organisation.code, true);
                    organisation.gatewayClientStatus = GatewayClientStatus.PROVISIONED;
                }
            }
            organisation.gatewayClientError = null;
            task.doneAt = now;
            task.lastError = null;
            OrganisationChange.of(organisation.code, "gateway client " + task.action.name().toLowerCase() + "d in the identity provider",
                    "platform", now).persist();
        } catch (RuntimeException e) {
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            task.lastError = error;
            task.nextAttemptAt = now.plus(backoff(task.attempts));
            if (task.action == GatewayClientTask.Action.ENSURE) {
                organisation.gatewayClientStatus = GatewayClientStatus.FAILED;
            }
            organisation.gatewayClientError = error;
            LOG.warnf("gateway client %s for %s failed (attempt %d), retrying: %s", task.action, task.organisation,
                    task.attempts, error);
        }
        return true;
    }

    /** Issues a new client secret for the organisation's gateway client, shown to the caller once. */
    public GatewayCredentials issueCredentials(Caller caller, Organisation organisation) {
        if (organisation.gatewayClientStatus != GatewayClientStatus.PROVISIONED || organisation.suspendedAt != null) {
            throw new ProblemException(Problem.of(409, "Conflict", "The gateway client of " + organisation.code
                    + " is " + organisation.gatewayClientStatus.name().toLowerCase()
                    + (organisation.gatewayClientError == null ? "" : " (" + organisation.gatewayClientError + ")")
                    + "; credentials can be issued once it is provisioned and enabled"));
        }
        String secret = clients.regenerateSecret(organisation.code);
        QuarkusTransaction.requiringNew().run(() -> OrganisationChange.of(organisation.code,
                "gateway client credentials issued", caller.name(), clock.instant()).persist());
        return new GatewayCredentials(organisation.gatewayClientId, secret);
    }

    static Duration backoff(int attempts) {
        long seconds = Math.min(600, (long) Math.pow(2, Math.min(attempts, 10)));
        return Duration.ofSeconds(seconds);
    }
}
