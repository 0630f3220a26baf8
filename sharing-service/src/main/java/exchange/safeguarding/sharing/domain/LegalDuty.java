package exchange.safeguarding.sharing.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The legal duty that requires sharing, and its reference (enquiry number, request or order reference). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LegalDuty(Type type, String reference) {

    public enum Type {
        SECTION_42_ENQUIRY, SECTION_45_REQUEST, COURT_ORDER, OTHER_STATUTORY_DUTY
    }
}
