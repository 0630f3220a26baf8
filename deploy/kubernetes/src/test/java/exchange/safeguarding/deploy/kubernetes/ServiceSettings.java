package exchange.safeguarding.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service needs at run time, read from the working tree as the service itself and the local launcher read
 * it: its application.properties (over platform-kit's shared defaults), the properties deploy/local passes it, its
 * Kafka topics and its REST resource paths.
 */
record ServiceSettings(String name, Properties own, Properties kit, Set<String> launcherProperties, Path sources) {

    static final List<String> SERVICES = List.of("agreement-service", "concern-service", "sharing-service", "notification-service");
    static final Path ROOT = findRoot();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}");
    /** A resource class's @Path: the annotations of a top-level class start their line, a method's are indented. */
    private static final Pattern CLASS_PATH = Pattern.compile("^@Path\\(\"([^\"]*)\"\\)", Pattern.MULTILINE);
    private static final Pattern METHOD_PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");

    static List<ServiceSettings> all() {
        Properties kit = properties(ROOT.resolve("platform-kit/runtime/src/main/resources/META-INF/microprofile-config.properties"));
        Map<String, Set<String>> launcher = LauncherProperties.read(ROOT);
        return SERVICES.stream().map(name -> new ServiceSettings(name,
                properties(ROOT.resolve(name).resolve("src/main/resources/application.properties")), kit,
                launcher.get(name), ROOT.resolve(name).resolve("src/main/java"))).toList();
    }

    /** The value the service runs with when nothing overrides it (its own file over the kit's), without a profile. */
    Optional<String> property(String key) {
        return Optional.ofNullable(own.getProperty(key, kit.getProperty(key)));
    }

    /**
     * The environment variables the service must be given in Kubernetes: those its configuration reads
     * ({@code ${NAME:local default}}), and, for each property deploy/local passes it, the variable that property
     * reads or else the property's own environment name. The HTTP port is left out: the container listens on the
     * port application.properties sets (checked separately).
     */
    Set<String> requiredEnvironment() {
        Set<String> names = new TreeSet<>(placeholders(own).values());
        names.add(placeholderOf("quarkus.oidc.auth-server-url").orElseThrow());
        for (String property : launcherProperties) {
            if (!property.equals("quarkus.http.port")) {
                names.add(placeholderOf(property).orElse(environmentName(property)));
            }
        }
        if (usesSealedSecrets()) {
            names.add(placeholderOf("kit.secret-sealing-key").orElseThrow());
        }
        return names;
    }

    /** The variable a property's value reads, if it reads one. */
    Optional<String> placeholderOf(String property) {
        return property(property).flatMap(value -> {
            Matcher m = PLACEHOLDER.matcher(value);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    /** Only agreement-service (seals) and notification-service (opens) use the sealing key. */
    boolean usesSealedSecrets() {
        return sourcesContain("SecretSealer");
    }

    int httpPort() {
        return Integer.parseInt(own.getProperty("quarkus.http.port"));
    }

    /** Topics the service publishes, consumes or dead-letters to, and the ones it creates when missing. */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        own.stringPropertyNames().stream().filter(k -> !k.startsWith("%") && k.endsWith(".topic"))
                .forEach(k -> topics.add(own.getProperty(k).trim()));
        property("kit.topics.ensure").ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(t -> !t.isEmpty()).forEach(topics::add));
        return topics;
    }

    /** The first segment of every REST path the service serves, e.g. /concerns. */
    Set<String> resourceRoots() {
        Set<String> roots = new TreeSet<>();
        for (Path file : javaFiles()) {
            String source = read(file);
            Matcher classPath = CLASS_PATH.matcher(source);
            if (!classPath.find()) {
                continue;
            }
            String root = classPath.group(1);
            if (root.equals("/") || root.isEmpty()) {
                // A resource at the root: its methods' paths are the roots.
                Matcher method = METHOD_PATH.matcher(source.substring(classPath.end()));
                while (method.find()) {
                    roots.add(firstSegment(method.group(1)));
                }
            } else {
                roots.add(firstSegment(root));
            }
        }
        return roots;
    }

    /** SmallRye Config's environment name of a property: upper case, anything else than letters and digits an _. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Map<String, String> placeholders(Properties properties) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%")) {
                continue; // test and dev profiles
            }
            Matcher m = PLACEHOLDER.matcher(properties.getProperty(key));
            while (m.find()) {
                found.put(key, m.group(1));
            }
        }
        return found;
    }

    private boolean sourcesContain(String text) {
        return javaFiles().stream().anyMatch(file -> read(file).contains(text));
    }

    private List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstSegment(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        return "/" + (slash < 0 ? trimmed : trimmed.substring(0, slash));
    }

    static Properties properties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("platform-kit")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run inside the Safeguarding Exchange clone");
        }
        return dir;
    }

    /**
     * The properties deploy/local's launcher passes each service (LocalPlatform.serviceProperties): those passed to
     * every service, and those inside {@code if (service.equals(PlatformSettings.X)) { ... }} to service X. Read from
     * its source, so a setting added to the launcher must be added to the manifests too.
     */
    static final class LauncherProperties {
        private static final Pattern PUT = Pattern.compile("p\\.put\\(\"([^\"]+)\"");
        private static final Pattern ONLY_FOR = Pattern.compile("if \\(service\\.equals\\(PlatformSettings\\.([A-Z]+)\\)\\) \\{");
        private static final Pattern CONSTANT = Pattern.compile("static final String ([A-Z]+) = \"([a-z-]+)\";");

        static Map<String, Set<String>> read(Path root) {
            Path launcher = root.resolve("deploy/local/src/main/java/exchange/safeguarding/deploy/local");
            String settings = ServiceSettings.read(launcher.resolve("PlatformSettings.java"));
            Map<String, String> services = new LinkedHashMap<>();
            Matcher constant = CONSTANT.matcher(settings);
            while (constant.find()) {
                services.put(constant.group(1), constant.group(2));
            }
            String source = ServiceSettings.read(launcher.resolve("LocalPlatform.java"));
            int start = source.indexOf("private Map<String, String> serviceProperties(String service)");
            if (start < 0) {
                throw new IllegalStateException("LocalPlatform.serviceProperties not found: update LauncherProperties");
            }
            String body = block(source, source.indexOf('{', start));
            StringBuilder common = new StringBuilder(body);
            Map<String, Set<String>> result = new LinkedHashMap<>();
            services.values().forEach(s -> result.put(s, new LinkedHashSet<>()));
            Matcher only = ONLY_FOR.matcher(body);
            while (only.find()) {
                String service = services.get(only.group(1));
                String block = block(body, only.end() - 1);
                puts(block).forEach(p -> result.get(service).add(p));
                int at = common.indexOf(block);
                common.replace(at, at + block.length(), "");
            }
            Set<String> everyone = puts(common.toString());
            if (everyone.isEmpty() || result.size() != SERVICES.size()) {
                throw new IllegalStateException("could not read LocalPlatform.serviceProperties: update LauncherProperties");
            }
            result.values().forEach(set -> set.addAll(everyone));
            return result;
        }

        private static Set<String> puts(String code) {
            Set<String> keys = new LinkedHashSet<>();
            Matcher put = PUT.matcher(code);
            while (put.find()) {
                keys.add(put.group(1));
            }
            return keys;
        }

        /** The text from an opening brace to its matching closing brace. */
        private static String block(String source, int open) {
            int depth = 0;
            for (int i = open; i < source.length(); i++) {
                char c = source.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return source.substring(open, i + 1);
                }
            }
            throw new IllegalStateException("unbalanced braces in LocalPlatform");
        }
    }
}
