package exchange.safeguarding.deploy.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.crdgenerator.annotations.Maximum;
import io.strimzi.crdgenerator.annotations.Minimum;
import io.strimzi.crdgenerator.annotations.MinimumItems;
import io.strimzi.crdgenerator.annotations.Pattern;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Strimzi's custom resources checked against Strimzi's own Java model (io.strimzi:api), from which its CRDs are
 * generated:
 * <ul>
 *   <li>strict deserialisation: an unknown field fails (the model's catch-all for unknown properties is switched off),
 *       as do a wrong type, a string where a number belongs and an unknown enum value;</li>
 *   <li>the constraints the CRD generator reads from the model, for the resource's API version: properties required in
 *       it, properties absent from it (such as {@code spec.kafka.replicas} in v1, where node pools replace it), and
 *       minimum, maximum, pattern and minimum-items constraints.</li>
 * </ul>
 */
final class StrimziResources {

    static final String GROUP = "kafka.strimzi.io";

    private static final Map<String, Class<?>> KINDS = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class, "KafkaUser", KafkaUser.class);

    private final ObjectMapper strict = JsonMapper.builder()
            .annotationIntrospector(new StrictIntrospector())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    static boolean isStrimzi(Manifest manifest) {
        return manifest.apiVersion().startsWith(GROUP + "/");
    }

    /** What is wrong with this resource, one line per problem; empty when it is valid. */
    List<String> validate(JsonNode resource) {
        String kind = resource.path("kind").asText();
        Class<?> type = KINDS.get(kind);
        if (type == null) {
            return List.of("not a Strimzi kind this check knows: " + kind);
        }
        String apiVersion = resource.path("apiVersion").asText();
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        List<String> served = servedVersions(type);
        if (!apiVersion.startsWith(GROUP + "/") || !served.contains(version)) {
            return List.of(kind + ": apiVersion " + apiVersion + " is not one Strimzi serves (" + GROUP + "/" + served + ")");
        }
        Object model;
        try {
            model = strict.treeToValue(resource, type);
        } catch (MismatchedInputException e) {
            return List.of(path(e) + ": " + e.getOriginalMessage());
        } catch (Exception e) {
            return List.of(kind + ": " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        new Constraints(ApiVersion.parse(version), problems).check(model, resource, "$");
        return problems;
    }

    private static List<String> servedVersions(Class<?> type) {
        try {
            @SuppressWarnings("unchecked")
            List<String> versions = (List<String>) type.getField("VERSIONS").get(null);
            return versions;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " has no VERSIONS", e);
        }
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder("$");
        e.getPath().forEach(ref -> path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]"));
        return path.toString();
    }

    /** Unknown properties are errors everywhere: no catch-all setters, no ignoreUnknown. */
    private static final class StrictIntrospector extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated a) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated a) {
            return super.findPropertyIgnoralByName(config, a).withoutIgnoreUnknown();
        }
    }

    /** Walks the model beside the YAML it came from, checking each written property against its annotations. */
    private final class Constraints {
        private final ApiVersion version;
        private final List<String> problems;

        Constraints(ApiVersion version, List<String> problems) {
            this.version = version;
            this.problems = problems;
        }

        void check(Object model, JsonNode written, String path) {
            if (model == null || written == null || written.isMissingNode()) {
                return;
            }
            if (model instanceof List<?> list) {
                for (int i = 0; i < list.size() && i < written.size(); i++) {
                    check(list.get(i), written.get(i), path + "[" + i + "]");
                }
                return;
            }
            if (model instanceof Map<?, ?> map) {
                map.forEach((key, value) -> check(value, written.get(String.valueOf(key)), path + "." + key));
                return;
            }
            if (!model.getClass().getName().startsWith("io.strimzi.")) {
                return; // Kubernetes types inside templates: strict deserialisation already covered them
            }
            BeanDescription bean = strict.getDeserializationConfig().introspect(strict.constructType(model.getClass()));
            for (BeanPropertyDefinition property : bean.findProperties()) {
                checkProperty(model, property, written.get(property.getName()), path + "." + property.getName());
            }
        }

        private void checkProperty(Object model, BeanPropertyDefinition property, JsonNode value, String path) {
            if (value == null || value.isNull()) {
                RequiredInVersions requiredIn = annotation(property, RequiredInVersions.class);
                JsonProperty json = annotation(property, JsonProperty.class);
                if ((requiredIn != null && version.in(requiredIn.value())) || (json != null && json.required())) {
                    problems.add(path + " is required");
                }
                return;
            }
            PresentInVersions presentIn = annotation(property, PresentInVersions.class);
            if (presentIn != null && !version.in(presentIn.value())) {
                problems.add(path + " does not exist in " + GROUP + "/" + version + " (only " + presentIn.value() + ")");
            }
            Minimum minimum = annotation(property, Minimum.class);
            if (minimum != null && value.isNumber() && value.asLong() < minimum.value()) {
                problems.add(path + " is " + value + ", less than the minimum " + minimum.value());
            }
            Maximum maximum = annotation(property, Maximum.class);
            if (maximum != null && value.isNumber() && value.asLong() > maximum.value()) {
                problems.add(path + " is " + value + ", more than the maximum " + maximum.value());
            }
            Pattern pattern = annotation(property, Pattern.class);
            if (pattern != null && value.isTextual() && !java.util.regex.Pattern.compile(pattern.value()).matcher(value.asText()).find()) {
                problems.add(path + " '" + value.asText() + "' does not match " + pattern.value());
            }
            MinimumItems minimumItems = annotation(property, MinimumItems.class);
            if (minimumItems != null && value.isArray() && value.size() < minimumItems.value()) {
                problems.add(path + " has " + value.size() + " items, fewer than " + minimumItems.value());
            }
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null) {
                Object read = accessor.getValue(model);
                if (read == null) {
                    // Strimzi's enums read an unknown value as null where the CRD's enum would refuse it.
                    problems.add(path + " " + value + " is not a value Strimzi accepts");
                }
                check(read, value, path);
            }
        }

        private <A extends Annotation> A annotation(BeanPropertyDefinition property, Class<A> type) {
            return Stream.of(property.getGetter(), property.getSetter(), property.getField())
                    .filter(Objects::nonNull).map(member -> member.getAnnotation(type))
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
    }

    /** A Kubernetes API version (v1alpha1 < v1beta1 < v1beta2 < v1 < v2alpha1 ...), and Strimzi's ranges of them. */
    record ApiVersion(int major, int stage, int minor) implements Comparable<ApiVersion> {

        private static final java.util.regex.Pattern FORMAT = java.util.regex.Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

        static ApiVersion parse(String text) {
            java.util.regex.Matcher m = FORMAT.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("not an API version: " + text);
            }
            int stage = m.group(2) == null ? 2 : m.group(2).equals("beta") ? 1 : 0;
            return new ApiVersion(Integer.parseInt(m.group(1)), stage, m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        }

        /** "v1+" (this or later), "v1alpha1-v1beta2" (between, inclusive) or "v1beta2" (exactly). */
        boolean in(String range) {
            if (range.endsWith("+")) {
                return compareTo(parse(range.substring(0, range.length() - 1))) >= 0;
            }
            int dash = range.indexOf('-');
            if (dash > 0) {
                return compareTo(parse(range.substring(0, dash))) >= 0 && compareTo(parse(range.substring(dash + 1))) <= 0;
            }
            return equals(parse(range));
        }

        @Override
        public int compareTo(ApiVersion other) {
            return java.util.Comparator.comparingInt(ApiVersion::major).thenComparingInt(ApiVersion::stage)
                    .thenComparingInt(ApiVersion::minor).compare(this, other);
        }

        @Override
        public String toString() {
            return "v" + major + (stage == 2 ? "" : (stage == 1 ? "beta" : "alpha") + minor);
        }
    }
}
