package exchange.safeguarding.deploy.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throw-away platform's settings (system tests, benchmarks): an emptied home of its own and a block of free ports,
 * eight consecutive ones plus Keycloak's management port 1000 above its HTTP port. Callers search separate port
 * ranges, so the system tests and a benchmark can run on one machine without racing for the same block.
 */
public final class IsolatedPlatform {

    private IsolatedPlatform() {
    }

    /** Empties {@code home}, finds a free block between {@code fromPort} and {@code toPort}, and names them. */
    public static PlatformSettings settings(Path root, Path home, int fromPort, int toPort) throws IOException {
        deleteTree(home);
        return PlatformSettings.isolated(root, home, freeBlock(fromPort, toPort));
    }

    static int freeBlock(int from, int to) {
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

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
