package exchange.safeguarding.kit.vocabulary;

/** Why partners share, in the words of the information sharing brief. */
public enum Purpose {
    PREVENT_DEATH_OR_SERIOUS_HARM,
    COORDINATE_RESPONSES,
    EARLY_INTERVENTION,
    PREVENT_ABUSE_INCREASING_CARE_NEEDS,
    IMPROVE_PRACTICE,
    REVEAL_PATTERNS_OF_ABUSE,
    IDENTIFY_LOW_LEVEL_CONCERNS,
    HELP_ACCESS_SUPPORT,
    IDENTIFY_RISK_AND_REDUCE_OFFENDING,
    REDUCE_ORGANISATIONAL_RISK
}
