package exchange.safeguarding.contracts;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where docs/asyncapi.yaml and the code disagree, in words a reader can act on. Each method compares one
 * aspect in both directions and returns the differences (empty when they agree).
 */
final class CatalogueDifferences {

    private static final String DEAD_LETTER_PREFIX = "safeguarding.dlq.";

    private final CodeCatalogue code;
    private final AsyncApiDocument document;

    CatalogueDifferences(CodeCatalogue code, AsyncApiDocument document) {
        this.code = code;
        this.document = document;
    }

    /** Every event type a service publishes is documented as sent by that service on that topic, and nothing more. */
    List<String> publishedEventTypes() {
        Map<String, Set<String>> inCode = new TreeMap<>();
        Map<String, Set<String>> appendedAt = new TreeMap<>();
        for (CodeCatalogue.PublishedEvent p : code.published) {
            inCode.computeIfAbsent(p.type(), t -> new TreeSet<>()).add(p.service() + " -> " + p.topic());
            appendedAt.computeIfAbsent(p.type(), t -> new TreeSet<>()).add(p.where());
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        for (AsyncApiDocument.Operation op : document.operations()) {
            if (!op.action().equals("send") || op.address() == null || op.address().startsWith(DEAD_LETTER_PREFIX)) {
                continue;
            }
            for (String ref : op.messageRefs()) {
                for (String type : document.eventTypes(document.at(ref))) {
                    for (String service : services(op)) {
                        documented.computeIfAbsent(type, t -> new TreeSet<>()).add(service + " -> " + op.address());
                    }
                }
            }
        }
        List<String> differences = new ArrayList<>();
        inCode.forEach((type, where) -> {
            if (!documented.containsKey(type)) {
                differences.add(type + " is published (" + where + ", appended at " + appendedAt.get(type) + ") but not documented");
            } else if (!documented.get(type).equals(where)) {
                differences.add(type + " is published as " + where + " but documented as " + documented.get(type));
            }
        });
        documented.forEach((type, where) -> {
            if (!inCode.containsKey(type)) {
                differences.add(type + " is documented (" + where + ") but no service publishes it");
            }
        });
        for (Map.Entry<String, String> topic : document.topics().entrySet()) {
            Set<String> onChannel = new TreeSet<>();
            document.channelMessages(topic.getKey()).values().forEach(m -> onChannel.addAll(document.eventTypes(m)));
            Set<String> published = new TreeSet<>();
            code.published.stream().filter(p -> p.topic().equals(topic.getValue())).forEach(p -> published.add(p.type()));
            if (!topic.getValue().startsWith(DEAD_LETTER_PREFIX) && !onChannel.equals(published)) {
                differences.add("channel " + topic.getKey() + " lists " + onChannel + " but " + topic.getValue()
                        + " carries " + published);
            }
        }
        return differences;
    }

    /** Every event type named anywhere in the services (consumers included) is a documented type. */
    List<String> namedEventTypes() {
        Set<String> documented = new TreeSet<>();
        document.messages().values().forEach(m -> documented.addAll(document.eventTypes(m)));
        List<String> differences = new ArrayList<>();
        code.named.forEach((type, where) -> {
            if (!documented.contains(type)) {
                differences.add(type + " is named at " + where + " but no message documents it");
            }
        });
        return differences;
    }

    /** The Kafka channels are exactly the topics the code publishes to, consumes, dead-letters to or creates. */
    List<String> topics() {
        Set<String> inCode = new TreeSet<>(code.topics());
        Set<String> documented = new TreeSet<>(document.topics().values());
        List<String> differences = new ArrayList<>();
        for (String topic : inCode) {
            if (!documented.contains(topic)) {
                differences.add("topic " + topic + " is used by the services but has no channel");
            }
        }
        for (String topic : documented) {
            if (!inCode.contains(topic)) {
                differences.add("channel address " + topic + " is not a topic any service uses");
            }
        }
        return differences;
    }

    /** Receive operations match the services' consumer configuration (topic, group), and dead letters go where configured. */
    List<String> consumers() {
        Set<String> inCode = new TreeSet<>();
        Set<String> deadLettersInCode = new TreeSet<>();
        for (CodeCatalogue.Consumption c : code.consumptions) {
            inCode.add(c.service() + " receives " + c.topic() + " as group " + c.groupId());
            if (c.deadLetterTopic() != null) {
                deadLettersInCode.add(c.service() + " dead-letters to " + c.deadLetterTopic());
            }
        }
        Set<String> documented = new TreeSet<>();
        Set<String> deadLettersDocumented = new TreeSet<>();
        for (AsyncApiDocument.Operation op : document.operations()) {
            if (op.address() == null) {
                continue;
            }
            for (String service : services(op)) {
                if (op.action().equals("receive")) {
                    String group = op.bindings().path("kafka").path("groupId").path("const").asText(null);
                    documented.add(service + " receives " + op.address() + " as group " + group);
                } else if (op.address().startsWith(DEAD_LETTER_PREFIX)) {
                    deadLettersDocumented.add(service + " dead-letters to " + op.address());
                }
            }
        }
        List<String> differences = new ArrayList<>();
        compareSets("configured", inCode, "documented", documented, differences);
        compareSets("configured", deadLettersInCode, "documented", deadLettersDocumented, differences);
        return differences;
    }

    /** Each published event's documented {@code data} matches its payload record, field by field. */
    List<String> payloads() {
        Map<String, JsonNode> messagesByType = new LinkedHashMap<>();
        for (Map.Entry<String, String> topic : document.topics().entrySet()) {
            document.channelMessages(topic.getKey()).values().forEach(m -> document.eventTypes(m)
                    .forEach(type -> messagesByType.put(topic.getValue() + " " + type, m)));
        }
        List<String> differences = new ArrayList<>();
        Set<String> compared = new LinkedHashSet<>();
        for (CodeCatalogue.PublishedEvent p : code.published) {
            JsonNode message = messagesByType.get(p.topic() + " " + p.type());
            if (message == null || p.payload() == null || !compared.add(p.type() + " " + p.payload().qualifiedName())) {
                continue; // undocumented types are reported by publishedEventTypes, unreadable payloads by the catalogue
            }
            JsonNode data = document.dataSchema(message);
            if (data.isMissingNode()) {
                differences.add(p.type() + ": the message documents no data schema");
                continue;
            }
            differences.addAll(PayloadComparison.compare(p.type() + " data", p.payload(), data, code.trees.get(p.service())));
        }
        return differences;
    }

    /**
     * The webhook message matches notification-service: the event types it tells anyone of
     * ({@code NotificationRouting.TOLD_TYPES}), the allow-listed data fields ({@code WebhookMessages}), the links,
     * and the request headers ({@code WebhookSender}).
     */
    List<String> webhooks() {
        List<String> differences = new ArrayList<>();
        SourceTree notifications = code.trees.get("notification-service");
        JavaSource routing = file(notifications, "NotificationRouting.java");
        JavaSource messages = file(notifications, "WebhookMessages.java");
        JavaSource sender = file(notifications, "WebhookSender.java");
        JsonNode webhook = document.messages().get("agencyWebhook");
        if (routing == null || messages == null || sender == null || webhook == null) {
            differences.add("cannot find NotificationRouting, WebhookMessages and WebhookSender in notification-service, "
                    + "or the agencyWebhook message in the document");
            return differences;
        }
        JsonNode envelope = document.inline(webhook.path("payload"));

        Set<String> told = stringsOf(routing, "TOLD_TYPES", new LinkedHashSet<>());
        compareSets("NotificationRouting.TOLD_TYPES", told, "the webhook's type enum", document.eventTypes(webhook), differences);

        Set<String> fields = stringsOf(messages, "SHAREABLE", new LinkedHashSet<>());
        fields.addAll(matches(messages.masked, messages.code, "\\bdata\\s*\\.\\s*(?:put|set)\\s*\\(\\s*\"(\\w+)\""));
        compareSets("WebhookMessages (allow-list and added fields)", fields, "WebhookData",
                fieldNames(envelope.path("properties").path("data").path("properties")), differences);

        Set<String> links = matches(messages.masked, messages.code, "\\blinks\\s*\\.\\s*put\\s*\\(\\s*\"(\\w+)\"");
        compareSets("WebhookMessages links", links, "WebhookLinks",
                fieldNames(envelope.path("properties").path("data").path("properties").path("links").path("properties")),
                differences);

        JsonNode headers = document.headersSchema(webhook);
        Map<String, String> sent = new TreeMap<>();
        Matcher header = Pattern.compile("\\.header\\s*\\(\\s*\"([\\w-]+)\"\\s*,\\s*(\"[^\"]*\")?").matcher(sender.code);
        while (header.find()) {
            sent.put(header.group(1), header.group(2) == null ? null : header.group(2).replace("\"", ""));
        }
        compareSets("WebhookSender headers", sent.keySet(), "WebhookHeaders", fieldNames(headers.path("properties")), differences);
        sent.forEach((name, value) -> {
            JsonNode constant = headers.path("properties").path(name).path("const");
            if (value != null && !value.equals(constant.asText(null))) {
                differences.add("header " + name + " is sent as '" + value + "' but documented as " + constant);
            }
        });
        return differences;
    }

    private Set<String> services(AsyncApiDocument.Operation op) {
        Set<String> services = new TreeSet<>(op.tags());
        services.retainAll(Repository.SERVICES);
        return services;
    }

    private static JavaSource file(SourceTree tree, String name) {
        return tree.serviceFiles.stream().filter(f -> f.fileName().equals(name)).findFirst().orElse(null);
    }

    /** The string literals of a constant's initialiser, following the constants it names in the same file. */
    private static Set<String> stringsOf(JavaSource file, String constant, Set<String> into) {
        String initializer = file.initializer(constant);
        if (initializer == null) {
            return into;
        }
        Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(initializer);
        while (literal.find()) {
            into.add(literal.group(1));
        }
        Matcher named = Pattern.compile("(?<![\\w.\"])([A-Z][A-Z0-9_]+)\\b").matcher(initializer.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", ""));
        while (named.find()) {
            if (!named.group(1).equals(constant)) {
                stringsOf(file, named.group(1), into);
            }
        }
        return into;
    }

    private static Set<String> matches(String masked, String code, String regex) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(code);
        while (m.find()) {
            if (masked.charAt(m.start()) == code.charAt(m.start())) { // not inside a string literal
                found.add(m.group(1));
            }
        }
        return found;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void compareSets(String leftName, Set<String> left, String rightName, Set<String> right,
                                    List<String> differences) {
        for (String item : new TreeSet<>(left)) {
            if (!right.contains(item)) {
                differences.add(item + ": in " + leftName + " but not in " + rightName);
            }
        }
        for (String item : new TreeSet<>(right)) {
            if (!left.contains(item)) {
                differences.add(item + ": in " + rightName + " but not in " + leftName);
            }
        }
    }
}
