package exchange.safeguarding.kit.vocabulary;

/** UK GDPR Article 9(2) conditions for special category data. */
public enum Article9Condition {
    EXPLICIT_CONSENT_9_2_A,
    EMPLOYMENT_SOCIAL_SECURITY_SOCIAL_PROTECTION_9_2_B,
    VITAL_INTERESTS_9_2_C,
    SUBSTANTIAL_PUBLIC_INTEREST_9_2_G,
    HEALTH_OR_SOCIAL_CARE_9_2_H,
    PUBLIC_HEALTH_9_2_I;

    /** 9(2)(b), (g), (h) and (i) need a DPA 2018 Schedule 1 condition as well. */
    public boolean needsSchedule1Condition() {
        return this != EXPLICIT_CONSENT_9_2_A && this != VITAL_INTERESTS_9_2_C;
    }
}
