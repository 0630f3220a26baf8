package exchange.safeguarding.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;

/** One Kubernetes object: a document of a YAML file, or what a kustomize generator makes. */
record Manifest(Path source, int document, JsonNode body) {

    String apiVersion() {
        return body.path("apiVersion").asText();
    }

    String kind() {
        return body.path("kind").asText();
    }

    String name() {
        return body.path("metadata").path("name").asText();
    }

    boolean is(String kind) {
        return kind().equals(kind);
    }

    /** Where it comes from, for failure messages: file, document number, kind and name. */
    String where() {
        return source.getFileName() + "#" + document + " " + kind() + "/" + name();
    }

    @Override
    public String toString() {
        return where();
    }
}
