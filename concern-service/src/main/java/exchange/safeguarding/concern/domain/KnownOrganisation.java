package exchange.safeguarding.concern.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A partner organisation as agreement-service announced it: type, area and escalation route. */
@Entity
@Table(name = "organisation_replica")
public class KnownOrganisation extends PanacheEntityBase {

    public static final String LOCAL_AUTHORITY = "LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES";

    /** A step of the organisation's escalation route, as announced. */
    public record RouteStep(String step, Map<String, String> responseTimes) {
    }

    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String type;

    @Column(name = "area_served")
    public String areaServed;

    @Column(nullable = false)
    public String status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "escalation_route")
    public List<RouteStep> escalationRoute;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The organisation's own response time for this step and urgency, if its route sets one. */
    public Optional<Duration> responseTime(Step step, Urgency urgency) {
        if (escalationRoute == null) {
            return Optional.empty();
        }
        return escalationRoute.stream().filter(s -> step.name().equals(s.step()) && s.responseTimes() != null)
                .map(s -> s.responseTimes().get(urgency.name())).filter(v -> v != null).findFirst().map(Duration::parse);
    }

    public boolean isLocalAuthority() {
        return LOCAL_AUTHORITY.equals(type);
    }

    public boolean notSuspended() {
        return !"SUSPENDED".equals(status);
    }

    public boolean isEmergencyService() {
        return "POLICE".equals(type) || "AMBULANCE".equals(type) || "FIRE_AND_RESCUE".equals(type);
    }
}
