package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.repository.ConcernAccessRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see a concern: organisations it was raised by, routed, referred, escalated or disclosed to. A
 * whistleblowing concern is hidden from its own organisation's management: inside that organisation only
 * the raiser and (unless implicated) the safeguarding lead see it, and neither learns more than the
 * organisation may: the raiser's identity is withheld from everyone there but the raiser.
 */
@ApplicationScoped
public class ConcernVisibility {

    public static final String WITHHELD = "withheld (whistleblowing)";

    private final ConcernAccessRepository access;

    public ConcernVisibility(ConcernAccessRepository access) {
        this.access = access;
    }

    public boolean canSee(Caller caller, Concern concern) {
        if (concern == null || !access.granted(concern.id, caller.organisation())) {
            return false;
        }
        if (concern.whistleblowing && caller.belongsTo(concern.organisation)) {
            return concern.raisedBy(caller.subject())
                    || (caller.hasRole(Roles.SAFEGUARDING_LEAD) && !concern.implicatesSafeguardingLead);
        }
        return true;
    }

    public Concern visible(Caller caller, Concern concern, Object id) {
        if (!canSee(caller, concern)) {
            throw ProblemException.notFound("Concern " + id);
        }
        return concern;
    }

    /** The raiser as this caller may know them. */
    public String raiserFor(Caller caller, Concern concern) {
        if (concern.whistleblowing && caller.belongsTo(concern.organisation) && !concern.raisedBy(caller.subject())) {
            return WITHHELD;
        }
        return concern.raisedByName;
    }
}
