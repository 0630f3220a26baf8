package exchange.safeguarding.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads YAML as Kubernetes does: YAML 1.1 scalars (an unquoted {@code on}, {@code yes} or {@code 0555} is a boolean or
 * an octal number there, not a string), and a repeated key is an error rather than a silent overwrite.
 */
final class YamlDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlDocuments() {
    }

    /** Every non-empty document of the file, in order. */
    static List<Manifest> read(Path file) {
        List<Manifest> documents = new ArrayList<>();
        int index = 0;
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : yaml().loadAll(reader)) {
                index++;
                if (document != null) {
                    documents.add(new Manifest(file, index, JSON.valueToTree(document)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /** A file holding exactly one YAML document (a kustomization). */
    static JsonNode readOne(Path file) {
        List<Manifest> documents = read(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " must hold one YAML document, has " + documents.size());
        }
        return documents.get(0).body();
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }
}
