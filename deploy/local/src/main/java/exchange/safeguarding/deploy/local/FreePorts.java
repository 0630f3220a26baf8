package exchange.safeguarding.deploy.local;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * Ports for an isolated platform ({@link PlatformSettings#isolated}): eight consecutive free ports and Keycloak's
 * management port, 1000 above its HTTP port. Callers search separate ranges, so the system tests and a benchmark can
 * run on one machine without racing for the same block.
 */
public final class FreePorts {

    private FreePorts() {
    }

    /** The first port of a free block, searched from {@code from} (inclusive) to {@code to} in steps of 20. */
    public static int block(int from, int to) {
        for (int first = from; first < to; first += 20) {
            boolean free = true;
            for (int port = first; port < first + 8 && free; port++) {
                free = isFree(port);
            }
            if (free && isFree(first + 3 + 1000)) {
                return first;
            }
        }
        throw new IllegalStateException("no free block of ports between " + from + " and " + to);
    }

    private static boolean isFree(int port) {
        // Bound on every interface, so a port taken on any address counts as taken.
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
