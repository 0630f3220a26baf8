package exchange.safeguarding.kit.caller;

/** Realm roles issued by Keycloak (see deploy/keycloak). */
public final class Roles {
    public static final String PRACTITIONER = "practitioner";
    public static final String LINE_MANAGER = "line-manager";
    public static final String SAFEGUARDING_LEAD = "safeguarding-lead";
    public static final String LA_SAFEGUARDING_OFFICER = "la-safeguarding-officer";
    public static final String PROTOCOL_ADMIN = "protocol-admin";
    public static final String AUDITOR = "auditor";
    /** Senior person responsible for protecting confidentiality and enabling appropriate sharing (approves overrides). */
    public static final String CALDICOTT_GUARDIAN = "caldicott-guardian";
    /** Answers subject access requests for the organisation. */
    public static final String DATA_PROTECTION_OFFICER = "data-protection-officer";
    /** An agency's case system calling through its gateway client. */
    public static final String GATEWAY = "gateway";
    /** Another platform service calling with client credentials. */
    public static final String PLATFORM_SERVICE = "platform-service";

    private Roles() {
    }
}
