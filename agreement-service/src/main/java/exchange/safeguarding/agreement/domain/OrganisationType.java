package exchange.safeguarding.agreement.domain;

/** Kinds of partner agency in a safeguarding partnership. */
public enum OrganisationType {
    LOCAL_AUTHORITY_ADULT_SOCIAL_SERVICES,
    POLICE,
    NHS_TRUST,
    INTEGRATED_CARE_BOARD,
    GP_PRACTICE,
    AMBULANCE,
    FIRE_AND_RESCUE,
    HOUSING,
    PROBATION,
    CARE_PROVIDER,
    VOLUNTARY_SECTOR,
    OTHER
}
