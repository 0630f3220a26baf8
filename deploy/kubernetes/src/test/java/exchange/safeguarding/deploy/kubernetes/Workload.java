package exchange.safeguarding.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** A Deployment or StatefulSet, seen through its pod template. */
record Workload(Manifest manifest) {

    static List<Workload> in(KustomizeBuild build) {
        return build.resources().stream().filter(m -> m.is("Deployment") || m.is("StatefulSet")).map(Workload::new).toList();
    }

    String name() {
        return manifest.name();
    }

    int replicas() {
        return manifest.body().path("spec").path("replicas").asInt(1);
    }

    JsonNode podSpec() {
        return manifest.body().path("spec").path("template").path("spec");
    }

    Map<String, String> podLabels() {
        return strings(manifest.body().path("spec").path("template").path("metadata").path("labels"));
    }

    Map<String, String> podAnnotations() {
        return strings(manifest.body().path("spec").path("template").path("metadata").path("annotations"));
    }

    List<JsonNode> containers() {
        return list(podSpec().path("containers"));
    }

    /** Containers and init containers. */
    List<JsonNode> allContainers() {
        List<JsonNode> all = new ArrayList<>(list(podSpec().path("initContainers")));
        all.addAll(containers());
        return all;
    }

    /** A container's setting, else the pod's (security context fields that exist at both levels). */
    static Optional<JsonNode> securitySetting(JsonNode container, JsonNode podSpec, String field) {
        JsonNode own = container.path("securityContext").path(field);
        if (!own.isMissingNode()) {
            return Optional.of(own);
        }
        JsonNode pod = podSpec.path("securityContext").path(field);
        return pod.isMissingNode() ? Optional.empty() : Optional.of(pod);
    }

    /** Does this label selector (matchLabels and In expressions) select these labels? */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, String> e : strings(selector.path("matchLabels")).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean listed = list(expression.path("values")).stream().anyMatch(v -> v.asText().equals(value));
            switch (expression.path("operator").asText()) {
                case "In" -> { if (!listed) return false; }
                case "NotIn" -> { if (listed) return false; }
                case "Exists" -> { if (value == null) return false; }
                case "DoesNotExist" -> { if (value != null) return false; }
                default -> throw new IllegalStateException("unknown selector operator in " + selector);
            }
        }
        return true;
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
