package exchange.safeguarding.concern.rest;

import exchange.safeguarding.concern.domain.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A safeguarding concern about an adult at risk")
public record RaiseConcernRequest(
        @NotNull @Valid AdultAtRisk adult,
        @NotBlank @Size(max = 8000) @Schema(description = "What happened, in the raiser's words", example = "Bruising on both forearms; says a visitor grabbed her.")
        String summary,
        @NotNull @Schema(description = "EMERGENCY goes straight to the safeguarding lead, the local authority and emergency services")
        Urgency urgency) {

    public record AdultAtRisk(
            @NotBlank @Size(max = 200) @Schema(example = "Edith") String givenName,
            @NotBlank @Size(max = 200) @Schema(example = "Clarke") String familyName) {
    }
}
