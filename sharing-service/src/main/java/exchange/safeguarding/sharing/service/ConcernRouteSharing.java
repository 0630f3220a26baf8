package exchange.safeguarding.sharing.service;

import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.sharing.config.SharingConfig;
import exchange.safeguarding.sharing.domain.AdultReference;
import exchange.safeguarding.sharing.domain.ConcernReplica;
import exchange.safeguarding.sharing.domain.Ground;
import exchange.safeguarding.sharing.domain.Route;
import exchange.safeguarding.sharing.repository.KnownOrganisationRepository;
import exchange.safeguarding.sharing.repository.SharingRequestRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/**
 * The one gate for concerns: whenever a concern reaches an organisation other than the one that raised it (an
 * emergency, a referral, an escalation, whistleblowing, a challenge, a closure without referral, a pattern alert),
 * the raising organisation's sharing decision is made here, like any request, and recorded in the decision log. What
 * the receiving organisation may then read of the concern, anywhere, is what that decision released.
 */
@ApplicationScoped
public class ConcernRouteSharing {

    private static final Logger LOG = Logger.getLogger(ConcernRouteSharing.class);
    static final String SYSTEM = "concern-routing";

    private final SharingRequests requests;
    private final SharingRequestRepository decisions;
    private final KnownOrganisationRepository organisations;
    private final ConcernLookup lookup;
    private final SharingConfig config;

    public ConcernRouteSharing(SharingRequests requests, SharingRequestRepository decisions,
                               KnownOrganisationRepository organisations, ConcernLookup lookup, SharingConfig config) {
        this.lookup = lookup;
        this.requests = requests;
        this.decisions = decisions;
        this.organisations = organisations;
        this.config = config;
    }

    /** The concern reached the recipient on this route: decide what of it the recipient may have. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reached(ConcernReplica concern, String recipient, Route route) {
        if (recipient == null || recipient.equals(concern.organisation) || decisions.decidedOnRoute(concern.concernId, recipient, route)) {
            return;
        }
        if (organisations.findById(recipient) == null || organisations.findById(concern.organisation) == null) {
            LOG.warnf("Concern %s reached %s (%s), which is not a known organisation; nothing shared", concern.concernId,
                    recipient, route);
            return;
        }
        boolean emergency = route == Route.EMERGENCY;
        requests.request(concern.organisation, SYSTEM, "Concern routing (" + route + ") for " + concern.organisation,
                new SharingRequests.NewRequest(recipient, new AdultReference(concern.adultPersonId, null, null, null, null),
                        concern.concernId, route.purpose, categories(route), emergency,
                        emergency ? Ground.VITAL_INTERESTS : Ground.SAFEGUARDING_DUTY, justification(concern, recipient, route),
                        null, null, null, route));
    }

    /** A pattern alert: each concern it names, from its raiser to the local authority. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void patternAlerted(List<UUID> concernIds, String localAuthority) {
        for (UUID id : concernIds) {
            // The alert's event may overtake its concerns' own (other partitions): ask concern-service then.
            ConcernReplica concern = lookup.known(id);
            if (concern == null) {
                LOG.warnf("Pattern alert names concern %s, which concern-service does not know; nothing shared", id);
                continue;
            }
            reached(concern, localAuthority, Route.PATTERN);
        }
    }

    private List<DataCategory> categories(Route route) {
        return switch (route) {
            case EMERGENCY -> config.emergencyCategories();
            case CLOSED_WITHOUT_REFERRAL -> config.routes().closureCategories();
            case PATTERN -> config.routes().patternCategories();
            case REFERRAL, ESCALATION, WHISTLEBLOWING, CHALLENGE -> config.routes().referralCategories();
        };
    }

    private static String justification(ConcernReplica concern, String recipient, Route route) {
        String concernRef = "concern " + concern.concernId + " raised by " + concern.organisation;
        return switch (route) {
            case EMERGENCY -> "Emergency " + concernRef + ": risk to life or of serious harm; " + recipient
                    + " must act at once";
            case PATTERN -> "Care Act 2014 s42: " + concernRef + " is part of a pattern the local authority " + recipient
                    + " must assess";
            case CLOSED_WITHOUT_REFERRAL -> "Care Act 2014 s42: " + concernRef + " was closed without referral; the "
                    + "local authority " + recipient + " sees every such decision";
            default -> "Care Act 2014 s42: " + concernRef + " reached the local authority " + recipient + " by "
                    + route.name().toLowerCase().replace('_', ' ') + "; a safeguarding referral needs no consent";
        };
    }
}
