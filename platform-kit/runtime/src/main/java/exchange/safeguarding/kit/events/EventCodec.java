package exchange.safeguarding.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Builds, writes and reads CloudEvents. Readers are tolerant of unknown fields so producers can add fields. */
@ApplicationScoped
public class EventCodec {

    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    public EventCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.writer = mapper.writer();
        this.reader = mapper.readerFor(CloudEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public CloudEvent create(String source, String type, String subject, Object data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type,
                OffsetDateTime.now(ZoneOffset.UTC), subject, "application/json", mapper.valueToTree(data));
    }

    public String write(CloudEvent event) {
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event cannot be serialised: " + event.type(), e);
        }
    }

    public CloudEvent read(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("empty message");
        }
        CloudEvent event;
        try {
            event = reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a CloudEvents JSON envelope: " + e.getOriginalMessage(), e);
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion()) || blank(event.id()) || blank(event.source())
                || blank(event.type())) {
            throw new MalformedEventException("CloudEvent lacks specversion 1.0, id, source or type");
        }
        return event;
    }

    /** Reads the event's data into a payload record, leniently (unknown fields are ignored). */
    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(event.data());
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new MalformedEventException("data of " + event.type() + " does not fit " + type.getSimpleName(), e);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
