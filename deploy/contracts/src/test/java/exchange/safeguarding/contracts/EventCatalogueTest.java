package exchange.safeguarding.contracts;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift check: docs/asyncapi.yaml and the services' code describe the same topics, event types, payload
 * fields, consumers and webhooks. Adding an event type, a payload field, an enum constant or a topic in code
 * without documenting it (or the other way round) fails the build.
 */
class EventCatalogueTest {

    private static Repository repository;
    private static CodeCatalogue code;
    private static CatalogueDifferences differences;

    @BeforeAll
    static void read() {
        repository = Repository.locate();
        code = CodeCatalogue.read(repository);
        differences = new CatalogueDifferences(code, AsyncApiDocument.load(repository.asyncApiDocument()));
    }

    @Test
    void theCodeCanBeReadWithoutGuessing() {
        assertThat(code.unreadable).isEmpty();
        // A reader that silently found nothing would make every other check pass.
        assertThat(code.published).extracting(CodeCatalogue.PublishedEvent::service)
                .containsAll(Repository.SERVICES);
        assertThat(code.published).hasSizeGreaterThanOrEqualTo(40);
        assertThat(code.published).allSatisfy(p -> assertThat(p.payload()).as(p.type()).isNotNull());
    }

    @Test
    void everyPublishedEventTypeIsDocumentedOnItsTopicAndNothingElseIs() {
        assertThat(differences.publishedEventTypes()).isEmpty();
    }

    @Test
    void everyEventTypeTheServicesNameIsDocumented() {
        assertThat(code.named).containsKeys("concern.raised.v1", "notification.delivered.v1", "agreement.review-due.v1");
        assertThat(differences.namedEventTypes()).isEmpty();
    }

    @Test
    void theChannelsAreTheTopicsTheServicesUse() {
        assertThat(code.topics()).contains("safeguarding.agreements", "safeguarding.concerns", "safeguarding.sharing",
                "safeguarding.notifications", "safeguarding.dlq.notification-service");
        assertThat(differences.topics()).isEmpty();
    }

    @Test
    void receiveOperationsAndDeadLettersMatchTheConsumersConfiguration() {
        assertThat(code.consumptions).extracting(CodeCatalogue.Consumption::service)
                .contains("concern-service", "sharing-service", "notification-service");
        assertThat(differences.consumers()).isEmpty();
    }

    @Test
    void everyPayloadSchemaMatchesItsJavaRecordFieldByField() {
        assertThat(differences.payloads()).isEmpty();
    }

    @Test
    void theWebhookMatchesWhatNotificationServiceSends() {
        assertThat(differences.webhooks()).isEmpty();
    }

    // ----- the check fails when code and document drift apart --------------------------------------------------

    @Test
    void aNewEventTypeInCodeThatIsNotDocumentedFailsTheCheck(@TempDir Path copy) throws IOException {
        copyRepository(copy);
        Path events = copy.resolve("concern-service/src/main/java/exchange/safeguarding/concern/messaging/ConcernEvents.java");
        replace(events, "    public static final String CLOSED = \"concern.closed.v1\";",
                "    public static final String CLOSED = \"concern.closed.v1\";\n"
                        + "    public static final String REOPENED = \"concern.reopened.v1\";");

        List<String> found = compare(copy).publishedEventTypes();

        assertThat(found).anySatisfy(d -> assertThat(d)
                .contains("concern.reopened.v1 is published").contains("safeguarding.concerns").contains("not documented"));
    }

    @Test
    void aPayloadFieldChangedInCodeFailsTheCheck(@TempDir Path copy) throws IOException {
        copyRepository(copy);
        Path events = copy.resolve("sharing-service/src/main/java/exchange/safeguarding/sharing/messaging/SharingEvents.java");
        replace(events, "public record ReviewDue(UUID reviewTaskId, UUID requestId, String organisation, Instant dueAt)",
                "public record ReviewDue(UUID reviewTaskId, UUID requestId, String organisation, Instant reviewBy, boolean urgent)");

        List<String> found = compare(copy).payloads();

        assertThat(found).anySatisfy(d -> assertThat(d).contains("sharing.review-due.v1 data.reviewBy").contains("not documented"));
        assertThat(found).anySatisfy(d -> assertThat(d).contains("sharing.review-due.v1 data.dueAt").contains("no such component"));
    }

    @Test
    void aNewEnumConstantInCodeFailsTheCheck(@TempDir Path copy) throws IOException {
        copyRepository(copy);
        Path outcome = copy.resolve("sharing-service/src/main/java/exchange/safeguarding/sharing/domain/Outcome.java");
        replace(outcome, "APPROVED, REFUSED, PENDING_APPROVAL", "APPROVED, REFUSED, PENDING_APPROVAL, WITHDRAWN");

        List<String> found = compare(copy).payloads();

        assertThat(found).anySatisfy(d -> assertThat(d).contains("data.outcome").contains("not documented: [WITHDRAWN]"));
    }

    @Test
    void aMessageRemovedFromTheDocumentFailsTheCheck(@TempDir Path copy) throws IOException {
        copyRepository(copy);
        Path document = copy.resolve("docs/asyncapi.yaml");
        replace(document, "      - $ref: '#/channels/notifications/messages/slaBreached'\n", "");
        replace(document, "      slaBreached:\n        $ref: '#/components/messages/slaBreached'\n", "");

        CatalogueDifferences found = compare(copy);

        assertThat(found.publishedEventTypes()).anySatisfy(d -> assertThat(d).contains("sla.breached.v1 is published")
                .contains("notification-service -> safeguarding.notifications").contains("not documented"));
    }

    private static CatalogueDifferences compare(Path copy) {
        Repository changed = new Repository(copy);
        return new CatalogueDifferences(CodeCatalogue.read(changed), AsyncApiDocument.load(changed.asyncApiDocument()));
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as("the text this test changes in " + file.getFileName()).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** The parts of the repository the check reads: the document and every service's main sources and configuration. */
    private static void copyRepository(Path target) throws IOException {
        copyTree(repository.asyncApiDocument(), target.resolve("docs/asyncapi.yaml"));
        copyTree(repository.kitSources(), target.resolve(repository.root().relativize(repository.kitSources())));
        for (String service : Repository.SERVICES) {
            copyTree(repository.mainSources(service), target.resolve(repository.root().relativize(repository.mainSources(service))));
            copyTree(repository.configuration(service), target.resolve(repository.root().relativize(repository.configuration(service))));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path destination = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(source, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
