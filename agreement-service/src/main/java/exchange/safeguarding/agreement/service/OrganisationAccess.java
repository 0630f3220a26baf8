package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.repository.OrganisationRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.OrganisationGuard;
import exchange.safeguarding.kit.caller.Roles;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may see or change an organisation: administrators, auditors and platform services read all;
 * administrators manage all; an organisation's safeguarding lead keeps its own safeguarding set-up;
 * everyone else sees only their own organisation, and another's answers as if absent.
 */
@ApplicationScoped
public class OrganisationAccess {

    private final OrganisationRepository organisations;
    private final OrganisationGuard guard;

    public OrganisationAccess(OrganisationRepository organisations, OrganisationGuard guard) {
        this.organisations = organisations;
        this.guard = guard;
    }

    public boolean readsAll(Caller caller) {
        return caller.hasAnyRole(Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PLATFORM_SERVICE);
    }

    public Organisation readable(Caller caller, String code) {
        return load(caller, code, readsAll(caller));
    }

    /** Registration details, suspension: administrators only (the role check is on the endpoint). */
    public Organisation manageable(Caller caller, String code) {
        return load(caller, code, caller.hasRole(Roles.PROTOCOL_ADMIN));
    }

    /** Safeguarding set-up and gateway: administrators, or the organisation's own safeguarding lead. */
    public Organisation setUpManageable(Caller caller, String code) {
        return load(caller, code, caller.hasRole(Roles.PROTOCOL_ADMIN));
    }

    private Organisation load(Caller caller, String code, boolean anyOrganisation) {
        Organisation organisation = organisations.findById(code);
        return anyOrganisation && organisation != null ? organisation
                : guard.visible(caller, organisation, o -> o.code, "Organisation " + code);
    }
}
