package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.domain.EnquiryOutcome;
import exchange.safeguarding.concern.domain.RiskResult;
import exchange.safeguarding.concern.domain.TriageDecision;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the concern workflow. */
public final class WorkflowRequests {

    private WorkflowRequests() {
    }

    public record Section42Test(
            @NotNull @Schema(description = "Has needs for care and support") Boolean careAndSupportNeeds,
            @NotNull @Schema(description = "Is experiencing, or at risk of, abuse or neglect") Boolean experiencingOrAtRiskOfAbuse,
            @NotNull @Schema(description = "As a result of those needs is unable to protect themselves") Boolean unableToProtectThemselves) {
    }

    @Schema(description = "The section 42 assessment and the decision", example = ApiExamples.TRIAGE)
    public record Triage(
            @NotNull @Valid Section42Test section42,
            @NotNull TriageDecision decision,
            @Pattern(regexp = "SECTION_42|OTHER_SAFEGUARDING_ENQUIRY", message = "must be SECTION_42 or OTHER_SAFEGUARDING_ENQUIRY")
            String enquiryType,
            @Size(max = 8000) @Schema(description = "Required when deciding no further action", example = "Adult has capacity and declines support; GP monitoring")
            String reasons) {
    }

    @Schema(description = "The enquiry's outcome", example = ApiExamples.OUTCOME)
    public record Outcome(@NotNull EnquiryOutcome outcome, RiskResult riskResult, @Size(max = 8000) String notes) {
    }

    @Schema(description = "Why, recorded on the concern", example = ApiExamples.REASON)
    public record Reason(@NotBlank @Size(max = 8000) @Schema(example = "Manager closed it without speaking to the adult") String reason) {
    }
}
