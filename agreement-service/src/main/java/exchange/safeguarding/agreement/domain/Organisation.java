package exchange.safeguarding.agreement.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A partner agency. Its code is what every token's organisation claim names. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganisationType type;

    @Column(name = "area_served")
    public String areaServed;

    @Embedded
    public SafeguardingLead safeguardingLead;

    @Embedded
    public WhistleblowingPolicy whistleblowingPolicy;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "escalation_route")
    public List<EscalationStep> escalationRoute;

    @Column(name = "gateway_url")
    public String gatewayUrl;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    /** The activation state last announced by event. */
    @Column(nullable = false)
    public boolean active;

    @Column(name = "gateway_client_id")
    public String gatewayClientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "gateway_client_status", nullable = false)
    public GatewayClientStatus gatewayClientStatus = GatewayClientStatus.PENDING;

    @Column(name = "gateway_client_error")
    public String gatewayClientError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Organisation register(String code, String name, OrganisationType type, String areaServed, Instant at) {
        Organisation organisation = new Organisation();
        organisation.code = code;
        organisation.name = name;
        organisation.type = type;
        organisation.areaServed = areaServed;
        organisation.createdAt = at;
        organisation.updatedAt = at;
        return organisation;
    }

    /** Everything that keeps the organisation from being active on {@code day}, in words an administrator can act on. */
    public List<String> missingForActivation(LocalDate day) {
        List<String> missing = new ArrayList<>();
        if (safeguardingLead == null || !safeguardingLead.complete()) {
            missing.add("safeguardingLead: a named safeguarding lead with an email or phone number");
        }
        if (whistleblowingPolicy == null || whistleblowingPolicy.reference == null) {
            missing.add("whistleblowingPolicy: a whistleblowing policy (reference or URL, owner, review date)");
        } else if (!whistleblowingPolicy.currentOn(day)) {
            missing.add("whistleblowingPolicy: not current, its review date " + whistleblowingPolicy.reviewDate + " has passed");
        }
        if (!completeRoute(escalationRoute)) {
            missing.add("escalationRoute: line manager, safeguarding lead and local authority steps, each with a response time for every urgency");
        }
        return missing;
    }

    public OrganisationStatus statusOn(LocalDate day) {
        if (suspendedAt != null) {
            return OrganisationStatus.SUSPENDED;
        }
        return missingForActivation(day).isEmpty() ? OrganisationStatus.ACTIVE : OrganisationStatus.INCOMPLETE;
    }

    public boolean activeOn(LocalDate day) {
        return statusOn(day) == OrganisationStatus.ACTIVE;
    }

    public static boolean completeRoute(List<EscalationStep> route) {
        if (route == null || route.isEmpty()) {
            return false;
        }
        Set<EscalationStep.Step> steps = EnumSet.noneOf(EscalationStep.Step.class);
        for (EscalationStep step : route) {
            if (step.step() == null || step.responseTimes() == null
                    || !step.responseTimes().keySet().containsAll(EnumSet.allOf(Urgency.class))) {
                return false;
            }
            steps.add(step.step());
        }
        return steps.containsAll(EnumSet.allOf(EscalationStep.Step.class));
    }
}
