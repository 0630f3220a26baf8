package exchange.safeguarding.notification.domain;

import java.util.List;

/**
 * How one recipient organisation is told of one event. The inbox always keeps the notification, so it is not
 * a choice here.
 *
 * @param webhook   deliver a signed webhook to the organisation's gateway
 * @param emailLead email the organisation's safeguarding lead
 * @param emailTo   further addresses to email
 * @param mandatory the notification is safety-critical: the organisation's opt-outs do not apply
 */
public record Channels(boolean webhook, boolean emailLead, List<String> emailTo, boolean mandatory) {
}
