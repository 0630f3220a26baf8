package exchange.safeguarding.agreement.client;

/** The identity provider refused or failed a gateway client operation. Messages never contain secrets. */
public class GatewayClientException extends RuntimeException {

    /** The HTTP status from the identity provider, or 0 when no response was received. */
    private final int status;

    public GatewayClientException(String message, int status) {
        super(message);
        this.status = status;
    }

    public GatewayClientException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    public int status() {
        return status;
    }
}
