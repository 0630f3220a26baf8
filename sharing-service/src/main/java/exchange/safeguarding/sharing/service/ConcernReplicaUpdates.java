package exchange.safeguarding.sharing.service;

import java.util.Set;
import java.util.LinkedHashSet;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.sharing.domain.ConcernReplica;
import exchange.safeguarding.sharing.domain.Route;
import exchange.safeguarding.sharing.repository.ConcernReplicaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Keeps what sharing-service needs of each concern: who raised it, about whom, and which organisations it
 * has reached (they may share about it). An emergency routing starts the emergency disclosures.
 */
@ApplicationScoped
public class ConcernReplicaUpdates {

    public static final String RAISED = "concern.raised.v1";
    public static final String ROUTED = "concern.routed.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Raised(UUID concernId, String organisation, String urgency, boolean whistleblowing, UUID adultPersonId,
                  String localAuthority, Instant raisedAt) {
    }

    public static final String REFERRED = "concern.referred.v1";
    public static final String ESCALATED = "concern.escalated.v1";
    public static final String CLOSED = "concern.closed.v1";
    public static final String PATTERN_DETECTED = "pattern.detected.v1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recipient(String organisation) {
    }

    /** Routed and every later step name an owner and the organisations told. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Moved(UUID concernId, String urgency, String owner, List<Recipient> recipients, List<String> emergencyServices,
                 String reason) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PatternDetected(UUID alertId, String localAuthority, List<UUID> concernIds) {
    }

    private final ConcernReplicaRepository concerns;
    private final ConcernRouteSharing routes;
    private final EventCodec codec;

    public ConcernReplicaUpdates(ConcernReplicaRepository concerns, ConcernRouteSharing routes, EventCodec codec) {
        this.concerns = concerns;
        this.routes = routes;
        this.codec = codec;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (RAISED.equals(event.type())) {
            Raised raised = codec.data(event, Raised.class);
            if (concerns.findById(raised.concernId()) == null) {
                ConcernReplica c = ConcernReplica.of(raised.concernId(), raised.organisation(), raised.adultPersonId(),
                        raised.localAuthority(), raised.urgency(), raised.whistleblowing(), raised.raisedAt());
                concerns.insertIfAbsent(c);
                concerns.addParty(c.concernId, c.organisation);
            }
            return;
        }
        if (PATTERN_DETECTED.equals(event.type())) {
            PatternDetected alert = codec.data(event, PatternDetected.class);
            if (alert.localAuthority() != null && alert.concernIds() != null) {
                routes.patternAlerted(alert.concernIds(), alert.localAuthority());
            }
            return;
        }
        if (!event.type().startsWith("concern.")) {
            return;
        }
        Moved moved = codec.data(event, Moved.class);
        ConcernReplica concern = moved.concernId() == null ? null : concerns.findById(moved.concernId());
        if (concern == null) {
            return;
        }
        if (moved.owner() != null) {
            concerns.addParty(concern.concernId, moved.owner());
        }
        if (moved.recipients() != null) {
            moved.recipients().forEach(r -> concerns.addParty(concern.concernId, r.organisation()));
        }
        Set<String> told = new LinkedHashSet<>();
        if (moved.recipients() != null) {
            moved.recipients().forEach(r -> told.add(r.organisation()));
        }
        if (moved.emergencyServices() != null) {
            told.addAll(moved.emergencyServices());
        }
        for (String recipient : told) {
            Route route = route(event.type(), concern, recipient, moved);
            if (route != null) {
                routes.reached(concern, recipient, route);
            }
        }
    }

    /** How this step took the concern to the recipient; null when it did not reach another organisation. */
    private static Route route(String type, ConcernReplica concern, String recipient, Moved moved) {
        if (recipient.equals(concern.organisation)) {
            return null;
        }
        return switch (type) {
            case ROUTED -> "EMERGENCY".equals(concern.urgency) ? Route.EMERGENCY
                    : concern.whistleblowing ? Route.WHISTLEBLOWING : null;
            case REFERRED -> Route.REFERRAL;
            case ESCALATED -> moved.reason() != null && moved.reason().startsWith("professional challenge")
                    ? Route.CHALLENGE : Route.ESCALATION;
            case CLOSED -> Route.CLOSED_WITHOUT_REFERRAL;
            default -> null;
        };
    }
}
