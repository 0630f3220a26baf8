package exchange.safeguarding.notification.rest;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import exchange.safeguarding.kit.caller.CurrentCaller;
import exchange.safeguarding.kit.caller.Roles;
import exchange.safeguarding.notification.domain.InboxMessage;
import exchange.safeguarding.notification.service.Inbox;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The caller's organisation's inbox, as far as the caller's roles reach; and its live stream. */
@Path("/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox")
@RolesAllowed({Roles.PRACTITIONER, Roles.LINE_MANAGER, Roles.SAFEGUARDING_LEAD, Roles.LA_SAFEGUARDING_OFFICER,
        Roles.CALDICOTT_GUARDIAN, Roles.PROTOCOL_ADMIN, Roles.GATEWAY})
public class InboxResource {

    @Schema(name = "InboxMessage", description = "A message for the caller's organisation, addressed to a role (`audience`)",
            example = ApiExamples.INBOX_MESSAGE)
    public record InboxView(UUID id, String eventId, String type, String subject, String audience,
                            @Schema(description = "The notification as sent to the gateway: a CloudEvent (see docs/webhooks.md)")
                            JsonNode message,
                            Instant createdAt, Instant readAt, String readBy, Instant acknowledgedAt, String acknowledgedBy) {
    }

    private final Inbox inbox;
    private final CurrentCaller caller;
    private final ObjectMapper json;

    public InboxResource(Inbox inbox, CurrentCaller caller, ObjectMapper json) {
        this.inbox = inbox;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @Operation(operationId = "listInbox", summary = "Messages for the caller's organisation and roles, newest first",
            description = "A user sees the messages whose audience is one of their roles or the whole organisation; a "
                    + "gateway sees them all. `unacknowledged=true` leaves out those someone has taken on; paged with "
                    + "`page` (from 0) and `size` (1 to 200).")
    @APIResponse(responseCode = "200", description = "One page of messages",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = InboxView.class)))
    @APIResponse(responseCode = "400", description = "A page below 0 or a size outside 1 to 200")
    public List<InboxView> list(@QueryParam("unacknowledged") boolean unacknowledged,
                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return inbox.list(caller.get(), unacknowledged, page, size).stream().map(this::view).toList();
    }

    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markInboxMessageRead", summary = "Mark a message read (the first reader and time are kept)",
            description = "No body.")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(schema = @Schema(implementation = InboxView.class)))
    @APIResponse(responseCode = "404", description = "No such message, or not for the caller")
    public InboxView read(@PathParam("id") UUID id) {
        return view(inbox.read(caller.get(), id));
    }

    @POST
    @Path("/{id}/acknowledgement")
    @Operation(operationId = "acknowledgeInboxMessage", summary = "Acknowledge a message: someone has taken it on",
            description = "The first acknowledger and time are kept. No body.")
    @APIResponse(responseCode = "200", description = "The message",
            content = @Content(schema = @Schema(implementation = InboxView.class)))
    @APIResponse(responseCode = "404", description = "No such message, or not for the caller")
    public InboxView acknowledge(@PathParam("id") UUID id) {
        return view(inbox.acknowledge(caller.get(), id));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "streamInbox",
            summary = "Server-sent events: each new message for the caller as it arrives (list the inbox after reconnecting)",
            description = "Each event's `data` is one message as JSON. Only messages created while connected are sent.")
    @APIResponse(responseCode = "200", description = "The stream; each event carries one message",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = InboxView.class)))
    public Multi<InboxView> stream() {
        return inbox.stream(caller.get()).map(this::view);
    }

    private InboxView view(InboxMessage m) {
        try {
            return new InboxView(m.id, m.eventId, m.eventType, m.subject, m.audience, json.readTree(m.payload), m.createdAt,
                    m.readAt, m.readBy, m.acknowledgedAt, m.acknowledgedBy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inbox message " + m.id + " is not JSON", e);
        }
    }
}
