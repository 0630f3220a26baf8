package exchange.safeguarding.concern.domain;

/** Location of risk (Safeguarding Adults Collection). */
public enum LocationType {
    OWN_HOME,
    IN_THE_COMMUNITY,
    COMMUNITY_SERVICE,
    CARE_HOME_NURSING,
    CARE_HOME_RESIDENTIAL,
    HOSPITAL_ACUTE,
    HOSPITAL_MENTAL_HEALTH,
    HOSPITAL_COMMUNITY,
    OTHER;

    /** Settings where several adults are cared for, and where organisational abuse can arise. */
    public boolean careSetting() {
        return this == CARE_HOME_NURSING || this == CARE_HOME_RESIDENTIAL || this == HOSPITAL_ACUTE
                || this == HOSPITAL_MENTAL_HEALTH || this == HOSPITAL_COMMUNITY || this == COMMUNITY_SERVICE;
    }
}
