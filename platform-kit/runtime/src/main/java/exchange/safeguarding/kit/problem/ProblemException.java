package exchange.safeguarding.kit.problem;

import java.util.List;

/** A refusal a caller can act on: thrown by domain and REST code, answered as problem+json. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** Another organisation's object answers exactly like a missing one: no existence leak. */
    public static ProblemException notFound(String what) {
        return new ProblemException(Problem.of(404, "Not found", what + " does not exist or is not visible to you"));
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "Forbidden", detail));
    }

    /** A request that is well formed but breaks a rule of the domain. */
    public static ProblemException ruleViolated(String detail) {
        return new ProblemException(Problem.of(422, "Rule violated", detail));
    }

    /** Another platform service needed for the answer could not be reached; the caller may retry. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(Problem.of(503, "Service unavailable", detail));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    /** Several fields at once, so the caller can fix everything in one go. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(Problem.typeFor(400), "Invalid request", 400,
                errors.size() + " field(s) are invalid", null, List.copyOf(errors)));
    }
}
