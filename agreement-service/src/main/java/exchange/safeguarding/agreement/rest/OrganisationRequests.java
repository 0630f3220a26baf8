package exchange.safeguarding.agreement.rest;

import exchange.safeguarding.agreement.domain.EscalationStep;
import exchange.safeguarding.agreement.domain.Organisation;
import exchange.safeguarding.agreement.domain.OrganisationChange;
import exchange.safeguarding.agreement.domain.OrganisationType;
import exchange.safeguarding.agreement.domain.Urgency;
import exchange.safeguarding.agreement.messaging.OrganisationEvents;
import exchange.safeguarding.agreement.service.OrganisationRegistry;
import exchange.safeguarding.agreement.domain.SafeguardingLead;
import exchange.safeguarding.agreement.domain.WhistleblowingPolicy;
import exchange.safeguarding.kit.problem.Problem;
import exchange.safeguarding.kit.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of the organisation API. */
public final class OrganisationRequests {

    private OrganisationRequests() {
    }

    @Schema(description = "A partner organisation to register", example = ApiExamples.REGISTER_ORGANISATION)
    public record RegisterOrganisation(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,63}", message = "must be 2-64 upper-case letters, digits or hyphens")
            @Schema(description = "Unique code; the ODS code for NHS bodies where there is one", example = "MEADOWBANK-CARE")
            String code,
            @NotBlank @Size(max = 300) @Schema(example = "Meadowbank Care Ltd") String name,
            @NotNull OrganisationType type,
            @Size(max = 300) @Schema(example = "Northshire") String areaServed) {
    }

    @Schema(description = "An organisation's registered details", example = ApiExamples.UPDATE_ORGANISATION)
    public record UpdateOrganisation(
            @NotBlank @Size(max = 300) @Schema(example = "Meadowbank Care Ltd") String name,
            @NotNull OrganisationType type,
            @Size(max = 300) @Schema(example = "Northshire and Eastvale") String areaServed) {
    }

    @Schema(description = "The organisation's safeguarding set-up; an organisation is active only when all three parts are complete and current",
            example = ApiExamples.SAFEGUARDING_SETUP)
    public record SafeguardingSetup(
            @Valid Lead safeguardingLead,
            @Valid Policy whistleblowingPolicy,
            @Size(max = 3) List<@NotNull @Valid Step> escalationRoute) {

        /** The set-up in domain terms; response times must be positive durations and each step appear once. */
        OrganisationRegistry.SafeguardingSetup toDomain() {
            List<Problem.FieldError> errors = new ArrayList<>();
            List<EscalationStep> route = null;
            if (escalationRoute != null) {
                route = new ArrayList<>();
                Set<EscalationStep.Step> seen = EnumSet.noneOf(EscalationStep.Step.class);
                for (int i = 0; i < escalationRoute.size(); i++) {
                    Step step = escalationRoute.get(i);
                    if (!seen.add(step.step())) {
                        errors.add(new Problem.FieldError("escalationRoute[" + i + "].step", step.step() + " appears twice"));
                    }
                    Map<Urgency, String> times = new EnumMap<>(Urgency.class);
                    for (var entry : step.responseTimes().entrySet()) {
                        try {
                            Duration duration = Duration.parse(entry.getValue());
                            if (duration.isNegative() || duration.isZero()) {
                                throw new DateTimeParseException("not positive", entry.getValue(), 0);
                            }
                            times.put(entry.getKey(), duration.toString());
                        } catch (DateTimeParseException e) {
                            errors.add(new Problem.FieldError("escalationRoute[" + i + "].responseTimes." + entry.getKey(),
                                    "must be a positive ISO-8601 duration such as PT4H or P1D"));
                        }
                    }
                    route.add(new EscalationStep(step.step(), times));
                }
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            return new OrganisationRegistry.SafeguardingSetup(
                    safeguardingLead == null ? null : SafeguardingLead.of(safeguardingLead.name(), safeguardingLead.role(),
                            safeguardingLead.email(), safeguardingLead.phone()),
                    whistleblowingPolicy == null ? null : WhistleblowingPolicy.of(whistleblowingPolicy.reference(),
                            whistleblowingPolicy.owner(), whistleblowingPolicy.reviewDate()),
                    route);
        }
    }

    @Schema(name = "LeadInput", description = "The organisation's safeguarding lead")
    public record Lead(
            @NotBlank @Size(max = 200) @Schema(example = "Carla Chambers") String name,
            @Size(max = 200) @Schema(example = "Designated Safeguarding Lead") String role,
            @Email @Size(max = 320) @Schema(example = "safeguarding@meadowbank-care.example") String email,
            @Pattern(regexp = "\\+?[0-9 ()-]{6,30}", message = "must be a telephone number") @Schema(example = "01632 960123")
            String phone) {
    }

    @Schema(name = "PolicyInput", description = "The organisation's whistleblowing policy")
    public record Policy(
            @NotBlank @Size(max = 2000) @Schema(example = "https://meadowbank-care.example/policies/whistleblowing.pdf") String reference,
            @NotBlank @Size(max = 200) @Schema(example = "Head of HR") String owner,
            @NotNull @Schema(example = "2027-06-30") LocalDate reviewDate) {
    }

    @Schema(name = "EscalationStepInput", description = "A step of the escalation route and its response time per urgency")
    public record Step(
            @NotNull EscalationStep.Step step,
            @NotEmpty @Schema(description = "ISO-8601 durations per urgency", example = "{\"EMERGENCY\": \"PT1H\", \"URGENT\": \"PT4H\", \"ROUTINE\": \"PT24H\", \"LOW_LEVEL\": \"PT72H\"}")
            Map<@NotNull Urgency, @NotBlank String> responseTimes) {
    }

    @Schema(description = "Where the organisation's webhooks go", example = ApiExamples.CONFIGURE_GATEWAY)
    public record ConfigureGateway(
            @NotBlank @Size(max = 2000) @Schema(description = "HTTPS endpoint of the agency's gateway that receives signed webhooks",
                    example = "https://gateway.meadowbank-care.example/safeguarding/webhooks")
            String url) {
    }

    @Schema(name = "OrganisationReason", description = "Why, recorded in the organisation's history",
            example = ApiExamples.ORGANISATION_REASON)
    public record Reason(@NotBlank @Size(max = 2000) @Schema(example = "Whistleblowing policy withdrawn pending rewrite") String reason) {
    }

    public record GatewayClientView(String clientId, String status, String error) {
    }

    @Schema(description = "A partner organisation. Signing secrets and client secrets are never returned here.",
            example = ApiExamples.ORGANISATION)
    public record OrganisationView(String code, String name, OrganisationType type, String areaServed, String status,
                                   @Schema(description = "What keeps the organisation from being active") List<String> missing,
                                   OrganisationEvents.Lead safeguardingLead, OrganisationEvents.Policy whistleblowingPolicy,
                                   List<EscalationStep> escalationRoute, String suspensionReason, String gatewayUrl,
                                   GatewayClientView gatewayClient, Instant createdAt, Instant updatedAt) {
        static OrganisationView of(Organisation o, LocalDate today) {
            var snapshot = OrganisationEvents.snapshot(o, today);
            return new OrganisationView(o.code, o.name, o.type, o.areaServed, snapshot.status(), snapshot.missing(),
                    snapshot.safeguardingLead(), snapshot.whistleblowingPolicy(), o.escalationRoute, o.suspensionReason,
                    o.gatewayUrl, new GatewayClientView(o.gatewayClientId, o.gatewayClientStatus.name(), o.gatewayClientError),
                    o.createdAt, o.updatedAt);
        }
    }

    @Schema(description = "The gateway and, when one was issued now, its signing secret: shown this once only",
            example = ApiExamples.GATEWAY)
    public record GatewayView(String organisation, String url, UUID secretId,
                              @Schema(description = "Standard Webhooks secret (whsec_...); store it now, it is never shown again")
                              String signingSecret) {
        static GatewayView of(OrganisationRegistry.GatewaySetting setting) {
            return new GatewayView(setting.organisation(), setting.url(),
                    setting.issued().map(OrganisationRegistry.IssuedSecret::id).orElse(null),
                    setting.issued().map(OrganisationRegistry.IssuedSecret::secret).orElse(null));
        }
    }

    @Schema(name = "OrganisationChange", description = "One change to an organisation")
    public record ChangeView(String change, String changedBy, Instant changedAt) {
        static ChangeView of(OrganisationChange c) {
            return new ChangeView(c.change, c.changedBy, c.changedAt);
        }
    }
}
