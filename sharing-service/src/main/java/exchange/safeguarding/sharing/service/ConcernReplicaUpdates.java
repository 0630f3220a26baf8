package exchange.safeguarding.sharing.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.events.CloudEvent;
import exchange.safeguarding.kit.events.EventCodec;
import exchange.safeguarding.sharing.domain.ConcernReplica;
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recipient(String organisation) {
    }

    /** Routed and every later step name an owner and the organisations told. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Moved(UUID concernId, String urgency, String owner, List<Recipient> recipients, List<String> emergencyServices) {
    }

    private final ConcernReplicaRepository concerns;
    private final EmergencySharing emergencies;
    private final EventCodec codec;

    public ConcernReplicaUpdates(ConcernReplicaRepository concerns, EmergencySharing emergencies, EventCodec codec) {
        this.concerns = concerns;
        this.emergencies = emergencies;
        this.codec = codec;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CloudEvent event) {
        if (RAISED.equals(event.type())) {
            Raised raised = codec.data(event, Raised.class);
            if (concerns.findById(raised.concernId()) == null) {
                ConcernReplica c = new ConcernReplica();
                c.concernId = raised.concernId();
                c.organisation = raised.organisation();
                c.adultPersonId = raised.adultPersonId();
                c.localAuthority = raised.localAuthority();
                c.urgency = raised.urgency();
                c.whistleblowing = raised.whistleblowing();
                c.raisedAt = raised.raisedAt();
                concerns.persist(c);
                concerns.flush();
                concerns.addParty(c.concernId, c.organisation);
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
        if (ROUTED.equals(event.type()) && "EMERGENCY".equals(moved.urgency())) {
            emergencies.disclose(concern, moved.emergencyServices() == null ? List.of() : moved.emergencyServices());
        }
    }
}
