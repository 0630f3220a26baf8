package exchange.safeguarding.agreement.service;

import exchange.safeguarding.agreement.domain.agreement.AgreementVersion;
import exchange.safeguarding.agreement.domain.agreement.SharingAgreement;
import exchange.safeguarding.agreement.repository.AgreementVersionRepository;
import exchange.safeguarding.agreement.repository.SharingAgreementRepository;
import exchange.safeguarding.kit.caller.Caller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Who may read an agreement: administrators, auditors and platform services read all; an organisation
 * reads the agreements it is (or was) party to; to anyone else an agreement does not exist.
 */
@ApplicationScoped
public class AgreementAccess {

    private final SharingAgreementRepository agreements;
    private final AgreementVersionRepository versions;

    public AgreementAccess(SharingAgreementRepository agreements, AgreementVersionRepository versions) {
        this.agreements = agreements;
        this.versions = versions;
    }

    public boolean readsAll(Caller caller) {
        return caller.hasAnyRole(Roles.PROTOCOL_ADMIN, Roles.AUDITOR, Roles.PLATFORM_SERVICE);
    }

    public SharingAgreement readable(Caller caller, UUID id) {
        SharingAgreement agreement = agreements.findById(id);
        if (agreement == null || !(readsAll(caller) || partyToAny(caller, versions.versionsOf(id)))) {
            throw ProblemException.notFound("Agreement " + id);
        }
        return agreement;
    }

    public boolean partyToAny(Caller caller, List<AgreementVersion> family) {
        return family.stream().anyMatch(v -> Arrays.asList(v.parties).contains(caller.organisation()));
    }
}
