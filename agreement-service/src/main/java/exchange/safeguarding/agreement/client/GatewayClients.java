package exchange.safeguarding.agreement.client;

/** The identity provider's view of an organisation's gateway: a confidential client whose service-account tokens carry the organisation. */
public interface GatewayClients {

    /** Creates the client gateway-<code in lower case> if missing (idempotent: an existing one is updated to the expected shape), returns its clientId. */
    String ensureClient(String organisationCode, String organisationName);

    /** Regenerates the client secret and returns it (the caller shows it once). */
    String regenerateSecret(String organisationCode);

    /** Enables or disables the client (suspension disables it: no new tokens). */
    void setEnabled(String organisationCode, boolean enabled);
}
