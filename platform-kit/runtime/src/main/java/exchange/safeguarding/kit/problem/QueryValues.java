package exchange.safeguarding.kit.problem;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads query parameters into typed values with a 400 that names the parameter. (A JAX-RS conversion
 * failure on a query parameter answers 404 by the specification, which misleads callers.)
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static <E extends Enum<E>> Optional<E> optionalEnum(Class<E> type, String value, String field) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(enumValue(type, value, field));
    }

    public static <E extends Enum<E>> List<E> enumValues(Class<E> type, List<String> values, String field) {
        if (values == null || values.isEmpty()) {
            throw ProblemException.invalid(field, "give at least one");
        }
        return values.stream().map(v -> enumValue(type, v, field)).toList();
    }

    public static Optional<Instant> optionalInstant(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 instant such as 2026-11-24T10:00:00Z");
        }
    }

    /** `true` or `false` (any case); anything else is a 400 naming the parameter. */
    public static Optional<Boolean> optionalBoolean(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.invalid(field, "must be true or false");
        };
    }

    public static Optional<java.util.UUID> optionalUuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(java.util.UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }
}
