package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.sharing.config.SharingConfig;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.ConcernReplica;
import exchange.safeguarding.sharing.domain.Ground;
import exchange.safeguarding.sharing.repository.KnownOrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An emergency concern reaches the local authority and the emergency services at once, without waiting for
 * consent: one vital-interests disclosure to each, approved at once, reviewed afterwards, and the person
 * informed later (or an exemption recorded).
 */
@ApplicationScoped
public class EmergencySharing {

    private static final Logger LOG = Logger.getLogger(EmergencySharing.class);
    static final String SYSTEM = "emergency-routing";

    private final SharingRequests requests;
    private final KnownOrganisationRepository organisations;
    private final SharingConfig config;

    public EmergencySharing(SharingRequests requests, KnownOrganisationRepository organisations, SharingConfig config) {
        this.requests = requests;
        this.organisations = organisations;
        this.config = config;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void disclose(ConcernReplica concern, List<String> emergencyServices) {
        Set<String> recipients = new LinkedHashSet<>();
        if (concern.localAuthority != null) {
            recipients.add(concern.localAuthority);
        }
        recipients.addAll(emergencyServices);
        recipients.remove(concern.organisation);
        for (String recipient : recipients) {
            if (organisations.findById(recipient) == null) {
                LOG.warnf("Emergency concern %s: %s is not a known organisation; nothing disclosed to it", concern.concernId, recipient);
                continue;
            }
            requests.request(concern.organisation, SYSTEM, "Emergency routing on behalf of " + concern.organisation,
                    new SharingRequests.NewRequest(recipient, new AdultReference(concern.adultPersonId, null, null, null, null),
                            concern.concernId, Purpose.PREVENT_DEATH_OR_SERIOUS_HARM, config.emergencyCategories(), true,
                            Ground.VITAL_INTERESTS, "Emergency concern " + concern.concernId
                            + " raised by " + concern.organisation + ": risk to life or of serious harm", null, null));
        }
    }
}
