package exchange.safeguarding.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of kustomize these manifests use, enough to see what {@code kubectl apply -k} would create: resources
 * (files and other kustomizations), ConfigMap and Secret generators (env files, files, literals; create and merge)
 * and the image list. Generated objects keep their plain names (the hash suffix only renames references
 * consistently). A key it does not know fails the build, so a misspelt {@code resource:} cannot drop files silently.
 */
final class KustomizeBuild {

    static final String FILE = "kustomization.yaml";

    private static final Set<String> KNOWN_KEYS = Set.of("apiVersion", "kind", "namespace", "resources",
            "configMapGenerator", "secretGenerator", "images");
    private static final Set<String> GENERATOR_KEYS = Set.of("name", "behavior", "envs", "files", "literals", "options", "type");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final List<Manifest> resources = new ArrayList<>();
    private final Set<Path> referencedFiles = new LinkedHashSet<>();
    private final Map<String, String> images = new LinkedHashMap<>();

    private KustomizeBuild(Path directory) {
        this.directory = directory;
    }

    /** Builds the kustomization in this directory, with every base it names. */
    static KustomizeBuild of(Path directory) {
        KustomizeBuild build = new KustomizeBuild(directory.toAbsolutePath().normalize());
        build.load();
        return build;
    }

    List<Manifest> resources() {
        return resources;
    }

    /** Files this build read: resources, generator inputs and the kustomization files themselves. */
    Set<Path> referencedFiles() {
        return referencedFiles;
    }

    /** Image name to tag, as the kustomizations' {@code images} list them. */
    Map<String, String> images() {
        return images;
    }

    List<Manifest> all(String kind) {
        return resources.stream().filter(m -> m.is(kind)).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return resources.stream().filter(m -> m.is(kind) && m.name().equals(name)).findFirst();
    }

    private void load() {
        Path file = directory.resolve(FILE);
        JsonNode kustomization = YamlDocuments.readOne(file);
        referencedFiles.add(file);
        kustomization.fieldNames().forEachRemaining(key -> {
            if (!KNOWN_KEYS.contains(key)) {
                throw new IllegalStateException(file + ": key '" + key + "' is not one this check understands");
            }
        });
        require(kustomization.path("kind").asText().equals("Kustomization"), file + ": kind must be Kustomization");
        for (JsonNode entry : kustomization.path("resources")) {
            Path resource = existing(file, entry.asText());
            if (Files.isDirectory(resource)) {
                KustomizeBuild base = of(resource);
                resources.addAll(base.resources);
                referencedFiles.addAll(base.referencedFiles);
                images.putAll(base.images);
            } else {
                resources.addAll(YamlDocuments.read(resource));
                referencedFiles.add(resource);
            }
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            generate(file, generator, "ConfigMap");
        }
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            generate(file, generator, "Secret");
        }
        for (JsonNode image : kustomization.path("images")) {
            images.put(image.path("name").asText(), image.path("newTag").asText());
        }
    }

    private void generate(Path file, JsonNode generator, String kind) {
        generator.fieldNames().forEachRemaining(key -> require(GENERATOR_KEYS.contains(key),
                file + ": generator key '" + key + "' is not one this check understands"));
        String name = generator.path("name").asText();
        Map<String, String> data = new LinkedHashMap<>();
        for (JsonNode env : generator.path("envs")) {
            data.putAll(envFile(existing(file, env.asText())));
        }
        for (JsonNode source : generator.path("files")) {
            // "key=path" or "path" (the key is then the file name)
            String text = source.asText();
            int equals = text.indexOf('=');
            Path path = existing(file, equals < 0 ? text : text.substring(equals + 1));
            data.put(equals < 0 ? path.getFileName().toString() : text.substring(0, equals), read(path));
        }
        for (JsonNode literal : generator.path("literals")) {
            String text = literal.asText();
            int equals = text.indexOf('=');
            require(equals > 0, file + ": literal '" + text + "' has no key=value");
            data.put(text.substring(0, equals), text.substring(equals + 1));
        }
        String behavior = generator.path("behavior").asText("create");
        Optional<Manifest> existing = find(kind, name);
        switch (behavior) {
            case "create" -> {
                require(existing.isEmpty(), file + ": " + kind + " " + name + " is generated twice");
                resources.add(new Manifest(file, 0, object(kind, name, data)));
            }
            case "merge", "replace" -> {
                require(existing.isPresent(), file + ": " + behavior + " of " + kind + " " + name + ", which no base generates");
                Map<String, String> merged = new LinkedHashMap<>();
                if (behavior.equals("merge")) {
                    merged.putAll(data(existing.get()));
                }
                merged.putAll(data);
                resources.remove(existing.get());
                resources.add(new Manifest(file, 0, object(kind, name, merged)));
            }
            default -> throw new IllegalStateException(file + ": unknown generator behavior " + behavior);
        }
    }

    /** The keys and values of a generated or written ConfigMap or Secret (Secret values decoded). */
    static Map<String, String> data(Manifest configMapOrSecret) {
        Map<String, String> data = new LinkedHashMap<>();
        boolean secret = configMapOrSecret.is("Secret");
        JsonNode values = configMapOrSecret.body().path("data");
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String value = e.getValue().asText();
            data.put(e.getKey(), secret ? new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8) : value);
        }
        configMapOrSecret.body().path("stringData").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    private static ObjectNode object(String kind, String name, Map<String, String> data) {
        ObjectNode object = JSON.createObjectNode();
        object.put("apiVersion", "v1");
        object.put("kind", kind);
        object.putObject("metadata").put("name", name);
        ObjectNode values = object.putObject("data");
        data.forEach((key, value) -> values.put(key, kind.equals("Secret")
                ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value));
        return object;
    }

    /**
     * An env file as kustomize reads it: KEY=VALUE per line, the value verbatim (quotes are kept), blank lines and
     * lines starting with # skipped. A line without '=' would take its value from the environment of whoever runs
     * kustomize, so it is refused.
     */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            require(equals > 0, file + ":" + (i + 1) + " has no KEY=value");
            String key = line.substring(0, equals);
            require(ENV_NAME.matcher(key).matches(), file + ":" + (i + 1) + " '" + key + "' is not an environment variable name");
            require(values.put(key, line.substring(equals + 1)) == null, file + ":" + (i + 1) + " sets " + key + " twice");
        }
        return values;
    }

    private Path existing(Path kustomization, String relative) {
        Path path = kustomization.getParent().resolve(relative).normalize();
        require(Files.exists(path), kustomization + " lists " + relative + ", which does not exist");
        if (Files.isRegularFile(path)) {
            referencedFiles.add(path);
        }
        return path;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
