package exchange.safeguarding.kit.testing.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The copy of each service's document under docs/openapi, for integrators who want a file, is exactly what the
 * service serves: a test fails when they differ, and says how to write the copy again.
 */
public final class PublishedDocument {

    /** Set to true ({@code -Dopenapi.write=true}) to write the served document over the published copy. */
    public static final String WRITE_PROPERTY = "openapi.write";

    private PublishedDocument() {
    }

    public static Path of(String service) {
        Path directory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("Cannot find the repository root above " + System.getProperty("user.dir"));
        }
        return directory.resolve("docs/openapi/" + service + ".yaml");
    }

    /** Fails when the published copy is not the served YAML document, unless asked to write it. */
    public static void assertSame(String service, String servedYaml) {
        Path published = of(service);
        String served = servedYaml.endsWith("\n") ? servedYaml : servedYaml + "\n";
        try {
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.createDirectories(published.getParent());
                Files.writeString(published, served);
                return;
            }
            String copy = Files.exists(published) ? Files.readString(published) : "";
            if (!copy.equals(served)) {
                throw new AssertionError("docs/openapi/" + service + ".yaml is not the document " + service
                        + " serves at /q/openapi" + firstDifference(copy, served) + ". Write it again with\n  ./mvnw -pl "
                        + service + " test -Dtest=OpenApiDocumentTest -D" + WRITE_PROPERTY + "=true\nthen review the diff "
                        + "and commit it with the change that caused it.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifference(String copy, String served) {
        String[] a = copy.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "<end>";
            String right = i < b.length ? b[i] : "<end>";
            if (!left.equals(right)) {
                return " (line " + (i + 1) + ": published '" + left.strip() + "', served '" + right.strip() + "')";
            }
        }
        return "";
    }
}
