package exchange.safeguarding.sharing.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import exchange.safeguarding.kit.vocabulary.DataCategory;

/** A requested category that was not released, and why (data minimisation). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WithheldCategory(DataCategory category, String reason) {
}
