package exchange.safeguarding.contracts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the services' code says about events: which event types each service publishes (every
 * {@code outbox.append(topic, type, key, payload)}), on which topic and with which payload record; every event
 * type named anywhere; and, from each service's configuration, which topics it consumes and where its dead
 * letters go. What cannot be read reliably is reported in {@link #unreadable}, so a change in coding style makes
 * the check fail loudly instead of passing on a guess.
 */
final class CodeCatalogue {

    /** Versioned event types such as {@code concern.raised.v1} or {@code inform-the-person.due.v1}. */
    static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+\\.v[0-9]+");

    record PublishedEvent(String service, String type, String topic, JavaSource.TypeDecl payload, String where) {
    }

    record Consumption(String service, String topic, String groupId, String deadLetterTopic) {
    }

    final Map<String, SourceTree> trees = new LinkedHashMap<>();
    final List<PublishedEvent> published = new ArrayList<>();
    /** Event type to where it is named ("service/File.java:line"). */
    final Map<String, List<String>> named = new TreeMap<>();
    final List<Consumption> consumptions = new ArrayList<>();
    /** Topics the services create at start ({@code kit.topics.ensure}), by service. */
    final Map<String, List<String>> ensuredTopics = new LinkedHashMap<>();
    final List<String> unreadable = new ArrayList<>();

    private static final Pattern OUTBOX_VARIABLE = Pattern.compile("\\bOutbox\\s+([a-z]\\w*)\\b");
    private static final Pattern NEW_INSTANCE = Pattern.compile("^new\\s+([\\w.]+)\\s*(?:<[^>]*>)?\\s*\\(");
    private static final Pattern METHOD_CALL = Pattern.compile("^(?:([A-Z]\\w*)\\.)?([a-z]\\w*)\\s*\\(");
    private static final Pattern VARIABLE = Pattern.compile("^[a-z]\\w*$");
    private static final Pattern QUALIFIED_CONSTANT = Pattern.compile("^([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)$");
    private static final Pattern CONSTANT = Pattern.compile("^[A-Z][A-Z0-9_]*$");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("^mp\\.messaging\\.incoming\\.([\\w-]+)\\.topic$");

    static CodeCatalogue read(Repository repository) {
        CodeCatalogue catalogue = new CodeCatalogue();
        List<JavaSource> kit = SourceTree.readAll(repository.kitSources());
        for (String service : Repository.SERVICES) {
            SourceTree tree = new SourceTree(service, SourceTree.readAll(repository.mainSources(service)), kit);
            catalogue.trees.put(service, tree);
            for (JavaSource file : tree.serviceFiles) {
                catalogue.readPublications(tree, file);
                file.literals(EVENT_TYPE).forEach((offset, type) -> catalogue.named
                        .computeIfAbsent(type, t -> new ArrayList<>())
                        .add(service + "/" + file.fileName() + ":" + file.lineOf(offset)));
            }
            catalogue.readConfiguration(repository, service);
        }
        return catalogue;
    }

    /** Every topic the code and configuration name: published to, consumed, dead letters, created at start. */
    Set<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        published.forEach(p -> topics.add(p.topic()));
        consumptions.forEach(c -> {
            topics.add(c.topic());
            if (c.deadLetterTopic() != null) {
                topics.add(c.deadLetterTopic());
            }
        });
        ensuredTopics.values().forEach(topics::addAll);
        return topics;
    }

    private void readPublications(SourceTree tree, JavaSource file) {
        Set<String> receivers = new LinkedHashSet<>();
        Matcher variable = OUTBOX_VARIABLE.matcher(file.masked);
        while (variable.find()) {
            receivers.add(variable.group(1));
        }
        List<JavaSource.Call> appends = new ArrayList<>();
        receivers.forEach(r -> appends.addAll(file.calls(r, "append")));
        Map<String, String> ownTypes = eventTypeConstants(file);
        // Constants no method of this file names go out through the append whose type is a parameter.
        Set<String> leftover = new LinkedHashSet<>(ownTypes.keySet());
        for (JavaSource.TypeDecl type : file.types) {
            for (JavaSource.Method method : type.methods()) {
                leftover.removeIf(name -> mentions(method.maskedBody(), name));
            }
        }
        List<JavaSource.Call> takingLeftovers = new ArrayList<>();
        for (JavaSource.Call call : appends) {
            String where = tree.service + "/" + file.fileName() + ":" + file.lineOf(call.offset());
            if (call.arguments().size() != 4) {
                unreadable.add(where + ": an outbox append without (topic, type, key, payload)");
                continue;
            }
            String topic = constantValue(call.arguments().get(0).trim(), file, tree);
            JavaSource.TypeDecl payload = payloadType(call.arguments().get(3).trim(), call, file, tree, where);
            if (topic == null) {
                unreadable.add(where + ": cannot tell the topic from " + call.arguments().get(0).trim());
                continue;
            }
            Set<String> types = new LinkedHashSet<>();
            String typeExpression = call.arguments().get(1).trim();
            String constant = constantValue(typeExpression, file, tree);
            if (constant != null) {
                types.add(constant);
            } else if (VARIABLE.matcher(typeExpression).matches()) {
                JavaSource.Method method = file.methodAt(call.offset());
                if (method != null) {
                    ownTypes.forEach((name, value) -> {
                        if (mentions(method.maskedBody(), name)) {
                            types.add(value);
                        }
                    });
                }
                if (types.isEmpty()) {
                    takingLeftovers.add(call);
                    leftover.forEach(name -> types.add(ownTypes.get(name)));
                }
            }
            if (types.isEmpty()) {
                unreadable.add(where + ": cannot tell which event types " + typeExpression + " stands for");
            }
            for (String type : types) {
                published.add(new PublishedEvent(tree.service, type, topic, payload, where));
            }
        }
        if (takingLeftovers.size() > 1) {
            unreadable.add(tree.service + "/" + file.fileName() + ": several appends take their type from a parameter, "
                    + "so which constant goes through which cannot be told; give each its own method naming its types");
        }
    }

    /** The payload record an append's fourth argument builds, names or returns. */
    private JavaSource.TypeDecl payloadType(String expression, JavaSource.Call call, JavaSource file, SourceTree tree,
                                            String where) {
        String typeName = null;
        JavaSource context = file;
        Matcher created = NEW_INSTANCE.matcher(expression);
        Matcher called = METHOD_CALL.matcher(expression);
        if (created.find()) {
            typeName = created.group(1);
        } else if (called.find()) {
            JavaSource owner = called.group(1) == null ? file : tree.fileOf(called.group(1), file);
            if (owner != null) {
                context = owner;
                typeName = owner.types.stream().flatMap(t -> t.methods().stream())
                        .filter(m -> m.name().equals(called.group(2))).map(JavaSource.Method::returnType)
                        .findFirst().orElse(null);
            }
        } else if (VARIABLE.matcher(expression).matches()) {
            JavaSource.Method method = file.methodAt(call.offset());
            if (method != null) {
                Matcher declared = Pattern.compile("([\\w.]+(?:<[^>]*>)?)\\s+" + Pattern.quote(expression) + "\\b(?!\\s*\\()")
                        .matcher(method.parameters() + "\n" + method.body());
                typeName = declared.find() ? declared.group(1) : null;
            }
        }
        JavaSource.TypeDecl type = typeName == null ? null : tree.resolve(typeName, context);
        if (type == null || !type.isRecord()) {
            unreadable.add(where + ": cannot tell the payload record of " + expression
                    + (typeName == null ? "" : " (" + typeName + ")"));
            return null;
        }
        return type;
    }

    private static Map<String, String> eventTypeConstants(JavaSource file) {
        Map<String, String> constants = new LinkedHashMap<>();
        file.stringConstants().forEach((name, value) -> {
            if (EVENT_TYPE.matcher(value).matches()) {
                constants.put(name, value);
            }
        });
        return constants;
    }

    private static String constantValue(String expression, JavaSource file, SourceTree tree) {
        if (expression.startsWith("\"") && expression.endsWith("\"")) {
            return expression.substring(1, expression.length() - 1);
        }
        Matcher qualified = QUALIFIED_CONSTANT.matcher(expression);
        if (qualified.matches()) {
            JavaSource owner = tree.fileOf(qualified.group(1), file);
            return owner == null ? null : owner.stringConstants().get(qualified.group(2));
        }
        return CONSTANT.matcher(expression).matches() ? file.stringConstants().get(expression) : null;
    }

    private static boolean mentions(String maskedText, String identifier) {
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(identifier) + "\\b|\\b[A-Z]\\w*\\." + Pattern.quote(identifier) + "\\b")
                .matcher(maskedText).find();
    }

    private void readConfiguration(Repository repository, String service) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(repository.configuration(service))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> ensure = new ArrayList<>();
        for (String topic : properties.getProperty("kit.topics.ensure", "").split(",")) {
            if (!topic.isBlank()) {
                ensure.add(topic.trim());
            }
        }
        ensuredTopics.put(service, ensure);
        for (String key : new TreeMap<>(properties).keySet().stream().map(Object::toString).toList()) {
            Matcher incoming = INCOMING_TOPIC.matcher(key);
            if (!incoming.matches()) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + incoming.group(1) + ".";
            boolean deadLetters = "dead-letter-queue".equals(properties.getProperty(prefix + "failure-strategy"));
            consumptions.add(new Consumption(service, properties.getProperty(key).trim(),
                    properties.getProperty(prefix + "group.id"),
                    deadLetters ? properties.getProperty(prefix + "dead-letter-queue.topic") : null));
        }
    }
}
