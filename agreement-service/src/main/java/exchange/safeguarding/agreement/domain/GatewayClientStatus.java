package exchange.safeguarding.agreement.domain;

/** Where the organisation's gateway client in the identity provider stands. */
public enum GatewayClientStatus {
    PENDING, PROVISIONED, DISABLED, FAILED
}
