package exchange.safeguarding.kit.vocabulary;

/** UK GDPR Article 6(1) lawful bases. */
public enum Article6Basis {
    CONSENT_6_1_A,
    CONTRACT_6_1_B,
    LEGAL_OBLIGATION_6_1_C,
    VITAL_INTERESTS_6_1_D,
    PUBLIC_TASK_6_1_E,
    LEGITIMATE_INTERESTS_6_1_F
}
