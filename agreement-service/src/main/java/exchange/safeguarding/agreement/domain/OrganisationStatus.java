package exchange.safeguarding.agreement.domain;

/** Only an ACTIVE organisation may be party to an active agreement. */
public enum OrganisationStatus {
    /** Registered, but its safeguarding set-up is missing something (the API says what). */
    INCOMPLETE,
    ACTIVE,
    SUSPENDED
}
