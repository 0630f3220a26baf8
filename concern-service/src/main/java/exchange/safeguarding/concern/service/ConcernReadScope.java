package exchange.safeguarding.concern.service;

import exchange.safeguarding.concern.domain.Concern;
import exchange.safeguarding.concern.domain.ConcernField;
import exchange.safeguarding.kit.vocabulary.DataCategory;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What one caller may read of one concern: the raising organisation its own record, any other organisation the
 * workflow facts and the categories sharing decisions released to it. Every view of a concern asks this, field by
 * field, through {@link ConcernField}.
 *
 * @param raisedBy  the raiser as this caller may know them (withheld from a whistleblower's organisation)
 * @param released  the categories released to the caller's organisation (every category for the raiser)
 * @param withheld  each category the caller does not see, and why
 * @param decisions the sharing decisions the caller's reading rests on (none for the raiser)
 */
public record ConcernReadScope(boolean ownRecord, String raisedBy, Set<DataCategory> released, List<Withheld> withheld,
                               List<UUID> decisions) {

    public record Withheld(DataCategory category, String reason) {
    }

    public boolean shows(ConcernField field) {
        return field.workflow() || ownRecord || released.contains(field.category);
    }

    /** The field's value when the caller may see it; null (left out of the view) when not. */
    @SuppressWarnings("unchecked")
    public <T> T value(ConcernField field, Concern concern) {
        if (field == ConcernField.RAISED_BY) {
            return (T) raisedBy;
        }
        return shows(field) ? (T) field.of(concern) : null;
    }
}
