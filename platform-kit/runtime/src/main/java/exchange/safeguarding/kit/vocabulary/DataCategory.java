package exchange.safeguarding.kit.vocabulary;

/** The closed vocabulary of what may be shared; agreements permit categories per purpose. */
public enum DataCategory {
    IDENTITY(false, false),
    CONTACT(false, false),
    CONCERN_SUMMARY(false, false),
    RISK_INFORMATION(false, false),
    HEALTH(true, false),
    CARE_AND_SUPPORT_NEEDS(true, false),
    VIEWS_AND_WISHES(false, false),
    CRIMINAL_OFFENCE_INFORMATION(false, true),
    PERSON_ALLEGED_TO_CAUSE_HARM(false, false);

    /** Special category data (UK GDPR Article 9): health, and care needs that reveal it. */
    public final boolean specialCategory;
    /** Criminal offence data (Article 10). */
    public final boolean criminalOffence;

    DataCategory(boolean specialCategory, boolean criminalOffence) {
        this.specialCategory = specialCategory;
        this.criminalOffence = criminalOffence;
    }
}
