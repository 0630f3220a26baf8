package exchange.safeguarding.agreement.domain;

import exchange.safeguarding.kit.problem.ProblemException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;

/** Where an agency receives webhooks: HTTPS, or plain HTTP to loopback where the local profile allows it. */
public final class GatewayAddress {

    private GatewayAddress() {
    }

    public static String validate(String url, boolean allowLoopbackHttp) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "is not a valid URL");
        }
        if (uri.getHost() == null || uri.getScheme() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw ProblemException.invalid("url", "must be an absolute http(s) URL without credentials or fragment");
        }
        String scheme = uri.getScheme().toLowerCase();
        if (scheme.equals("https")) {
            return uri.toString();
        }
        if (scheme.equals("http") && allowLoopbackHttp && isLoopback(uri.getHost())) {
            return uri.toString();
        }
        throw ProblemException.invalid("url", allowLoopbackHttp
                ? "must use https (plain http only to a loopback address)" : "must use https");
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]") && InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
