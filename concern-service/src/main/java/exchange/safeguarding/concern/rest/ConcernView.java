package exchange.safeguarding.concern.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernStep;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A concern as the caller may see it (a whistleblower's identity is withheld from their organisation). */
@Schema(description = "A concern as the caller may see it", example = ApiExamples.CONCERN)
public record ConcernView(UUID id, String organisation, String raisedBy, Adult adult, List<String> abuseTypes,
                          String locationType, String settingName, String sourceOfRisk, AllegedHarm personAllegedToCauseHarm,
                          String whatHappened, String immediateActions, String urgency, String viewsAndWishes,
                          String desiredOutcomes, String lackedCapacity, String capacitySupport,
                          boolean emergencyServicesContacted, boolean whistleblowing, String status, String currentStep,
                          String ownerOrganisation, String localAuthority, Instant responseDueAt, Boolean section42Met,
                          String enquiryType, String outcome, String riskResult, Instant raisedAt, Instant closedAt,
                          String closureReason, boolean closedWithoutReferral) {

    public record Adult(UUID personId, String givenName, String familyName, LocalDate dateOfBirth, String nhsNumber,
                        String postcode) {
    }

    @Schema(name = "AllegedHarmView")
    public record AllegedHarm(UUID personId, String givenName, String familyName, String relationship) {
    }

    @Schema(name = "ConcernStep", description = "One step of a concern's handling")
    public record StepView(String action, String step, String organisation, String doneBy, Instant doneAt, String reason) {
        static StepView of(ConcernStep s, String doneBy) {
            return new StepView(s.action, s.step == null ? null : s.step.name(), s.organisation, doneBy, s.doneAt, s.reason);
        }
    }

    static ConcernView of(Concern c, String raisedBy) {
        return new ConcernView(c.id, c.organisation, raisedBy,
                new Adult(c.adultPersonId, c.adultGivenName, c.adultFamilyName, c.adultDateOfBirth, c.adultNhsNumber, c.adultPostcode),
                List.of(c.abuseTypes), name(c.locationType), c.settingName, name(c.sourceOfRisk),
                c.pahPersonId == null ? null : new AllegedHarm(c.pahPersonId, c.pahGivenName, c.pahFamilyName, c.pahRelationship),
                c.whatHappened, c.immediateActions, c.urgency.name(), c.viewsAndWishes, c.desiredOutcomes,
                name(c.lackedCapacity), c.capacitySupport, c.emergencyServicesContacted, c.whistleblowing, c.status.name(),
                name(c.currentStep), c.ownerOrganisation, c.localAuthority, c.responseDueAt, c.section42Met, c.enquiryType,
                c.outcome, c.riskResult, c.raisedAt, c.closedAt, c.closureReason, c.closedWithoutReferral);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
