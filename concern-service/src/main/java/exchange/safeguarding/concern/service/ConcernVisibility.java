package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.repository.ConcernAccessRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import exchange.safeguarding.concern.domain.ConcernField;
import exchange.safeguarding.concern.domain.ConcernRelease;
import exchange.safeguarding.concern.repository.ConcernReleaseRepository;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
    private final ConcernReleaseRepository releases;

    public ConcernVisibility(ConcernAccessRepository access, ConcernReleaseRepository releases) {
        this.access = access;
        this.releases = releases;
    }

    /** What the caller may read of a concern it can see. */
    public ConcernReadScope scope(Caller caller, Concern concern) {
        return scope(caller, concern, caller.belongsTo(concern.organisation) ? List.of()
                : releases.of(concern.id, caller.organisation()));
    }

    /** The same for a page of concerns, with one query for the decisions. */
    public Map<UUID, ConcernReadScope> scopes(Caller caller, List<Concern> page) {
        Map<UUID, List<ConcernRelease>> decided = releases.ofAll(page.stream()
                .filter(c -> !caller.belongsTo(c.organisation)).map(c -> c.id).toList(), caller.organisation());
        Map<UUID, ConcernReadScope> scopes = new HashMap<>();
        page.forEach(c -> scopes.put(c.id, scope(caller, c, decided.getOrDefault(c.id, List.of()))));
        return scopes;
    }

    private ConcernReadScope scope(Caller caller, Concern concern, List<ConcernRelease> decided) {
        String raiser = raiserFor(caller, concern);
        if (caller.belongsTo(concern.organisation)) {
            return new ConcernReadScope(true, raiser, EnumSet.allOf(DataCategory.class), List.of(), List.of());
        }
        Set<DataCategory> released = EnumSet.noneOf(DataCategory.class);
        List<UUID> decisions = new ArrayList<>();
        Map<DataCategory, String> why = new EnumMap<>(DataCategory.class);
        boolean pending = false;
        for (ConcernRelease r : decided) {
            if (r.approved()) {
                decisions.add(r.requestId);
                for (String category : r.released) {
                    released.add(DataCategory.valueOf(category));
                }
            }
            pending |= "PENDING_APPROVAL".equals(r.outcome);
            // The latest decision's reason for withholding a category is the one that stands.
            r.withheld.forEach(w -> why.put(DataCategory.valueOf(w.category()), w.reason() + " (decision " + r.requestId + ")"));
        }
        List<ConcernReadScope.Withheld> withheld = new ArrayList<>();
        for (DataCategory category : DataCategory.values()) {
            if (!released.contains(category) && !ConcernField.of(category).isEmpty()) {
                withheld.add(new ConcernReadScope.Withheld(category, why.getOrDefault(category, pending
                        ? "a sharing decision about it is awaiting approval"
                        : "no sharing decision has released it to " + caller.organisation())));
            }
        }
        return new ConcernReadScope(false, raiser, released, withheld, decisions);
    }

    public boolean canSee(Caller caller, Concern concern) {
        if (concern == null || !access.granted(concern.id, caller.organisation())) {
            return false;
        }
        if (concern.whistleblowing && caller.belongsTo(concern.organisation)) {
            // The organisation's own case system never reads it, whoever raised it through the gateway: the system is
            // the organisation's, and so within its management's reach.
            if (caller.hasRole(Roles.GATEWAY)) {
                return false;
            }
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
        if (concern.whistleblowing && caller.belongsTo(concern.organisation)
                && (caller.hasRole(Roles.GATEWAY) || !concern.raisedBy(caller.subject()))) {
            return WITHHELD;
        }
        return concern.raisedByName;
    }
}
