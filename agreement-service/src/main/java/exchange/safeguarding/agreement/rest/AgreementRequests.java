package exchange.safeguarding.agreement.rest;

import exchange.safeguarding.agreement.domain.agreement.AgreementTerms;
import exchange.safeguarding.kit.vocabulary.Article6Basis;
import exchange.safeguarding.kit.vocabulary.Article9Condition;
import exchange.safeguarding.agreement.domain.agreement.ControllerRelationship;
import exchange.safeguarding.kit.vocabulary.DataCategory;
import exchange.safeguarding.kit.vocabulary.Purpose;
import exchange.safeguarding.kit.vocabulary.Schedule1Condition;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the agreement API. */
public final class AgreementRequests {

    private AgreementRequests() {
    }

    @Schema(description = "The terms of an information sharing agreement (ICO data sharing code contents)",
            example = ApiExamples.TERMS)
    public record Terms(
            @NotBlank @Size(max = 300) @Schema(example = "Northshire adult safeguarding information sharing protocol") String title,
            @NotNull @Size(min = 2, max = 50) List<@NotNull @Valid Party> parties,
            @NotNull @Size(min = 1, max = 10) List<@NotNull @Valid PurposeTerms> purposes,
            @NotBlank @Schema(description = "ISO-8601 period", example = "P6Y") String retentionPeriod,
            @NotBlank @Size(max = 4000) @Schema(example = "Reviewed yearly; deleted securely six years after the enquiry closes")
            String retentionAndDeletion,
            @NotBlank @Size(max = 4000) @Schema(example = "Transfers only over the platform; access by role; audit of every disclosure")
            String security,
            @Size(max = 4000) String dataQuality,
            @NotBlank @Size(max = 200) @Schema(example = "DPIA-2026-014") String dpiaReference,
            @NotBlank @Email @Schema(example = "dpo@northshire.example") String subjectRightsContact,
            @NotBlank @Email @Schema(example = "breaches@northshire.example") String breachContact,
            @NotNull LocalDate effectiveFrom,
            LocalDate effectiveTo,
            @NotNull LocalDate reviewDate) {

        AgreementTerms toDomain() {
            return new AgreementTerms(title, parties.stream().map(p -> new AgreementTerms.Party(p.organisation(),
                    p.controllerRelationship())).toList(),
                    purposes.stream().map(p -> new AgreementTerms.PurposeTerms(p.purpose(), p.article6Basis(),
                            p.article9Condition(), p.schedule1Condition(), p.criminalOffenceCondition(),
                            List.copyOf(p.dataCategories()))).toList(),
                    retentionPeriod, retentionAndDeletion, security, dataQuality, dpiaReference, subjectRightsContact,
                    breachContact, effectiveFrom, effectiveTo, reviewDate);
        }
    }

    @Schema(name = "PartyInput", description = "A party to the agreement and how it controls the data")
    public record Party(
            @NotBlank @Schema(example = "MEADOWBANK-CARE") String organisation,
            @NotNull ControllerRelationship controllerRelationship) {
    }

    @Schema(name = "PurposeTermsInput", description = "A purpose of sharing with its lawful basis and the data categories it covers")
    public record PurposeTerms(
            @NotNull Purpose purpose,
            @NotNull Article6Basis article6Basis,
            @Schema(description = "Required when special category data (HEALTH, CARE_AND_SUPPORT_NEEDS) is included")
            Article9Condition article9Condition,
            @Schema(description = "DPA 2018 Schedule 1 condition, required with Article 9(2)(b), (g), (h) or (i)")
            Schedule1Condition schedule1Condition,
            @Schema(description = "Required when CRIMINAL_OFFENCE_INFORMATION is included (Article 10)")
            Schedule1Condition criminalOffenceCondition,
            @NotEmpty List<@NotNull DataCategory> dataCategories) {
    }

    @Schema(description = "Who signs for the caller's organisation", example = ApiExamples.SIGNATURE)
    public record Signature(
            @NotBlank @Size(max = 200) @Schema(example = "Dr Ruth Evans") String signatoryName,
            @NotBlank @Size(max = 200) @Schema(example = "Director of Adult Social Services") String signatoryRole) {
    }

    @Schema(name = "AgreementReason", description = "Why, recorded and sent to every party",
            example = ApiExamples.AGREEMENT_REASON)
    public record Reason(@NotBlank @Size(max = 2000) String reason) {
    }
}
