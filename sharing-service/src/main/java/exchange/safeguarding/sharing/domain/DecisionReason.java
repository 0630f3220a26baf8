package exchange.safeguarding.sharing.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One check the decision made: which, whether it was satisfied, and what was found. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionReason(String check, boolean satisfied, String detail) {
}
