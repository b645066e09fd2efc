package org.landfall.platform.problem;

import java.util.List;

/** A refusal that the services raise from their rules; the mapper turns it into its problem+json response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(String detail) {
        return of(404, detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return of(409, detail, List.of());
    }

    public static ProblemException unprocessable(String detail, List<FieldError> errors) {
        return of(422, detail, errors);
    }

    public static ProblemException unprocessable(String field, String message) {
        return of(422, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static ProblemException badRequest(String detail, List<FieldError> errors) {
        return of(400, detail, errors);
    }

    private static ProblemException of(int status, String detail, List<FieldError> errors) {
        return new ProblemException(new Problem(status, Problem.titleOf(status), detail, errors));
    }

    /** Adds a member to the problem body, such as the id of the existing project of a duplicate. */
    public ProblemException with(String name, Object value) {
        problem.with(name, value);
        return this;
    }
}
