package exchange.safeguarding.kit.client;

/** A call to another platform service failed in a way worth retrying later. */
public class ServiceCallException extends RuntimeException {

    public ServiceCallException(String message) {
        super(message);
    }
}
