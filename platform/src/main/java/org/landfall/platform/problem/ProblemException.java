package org.landfall.platform.problem;

import java.util.List;

/** A refusal that the services raise from their rules; the mapper turns it into its problem+json response. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(null, null, false, false);
        this.problem = problem;
    }

    /** The detail in English, for a log. */
    @Override
    public String getMessage() {
        return problem.getDetail() == null ? null : problem.getDetail().in(Languages.ENGLISH);
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException notFound(Text detail) {
        return of(404, detail, List.of());
    }

    public static ProblemException conflict(Text detail) {
        return of(409, detail, List.of());
    }

    public static ProblemException unprocessable(Text detail, List<FieldError> errors) {
        return of(422, detail, errors);
    }

    public static ProblemException unprocessable(String field, Text message) {
        return unprocessable(List.of(new FieldError(field, message)));
    }

    /** A 422 listing {@code errors}; its detail is the one error ("field: message") or their number. */
    public static ProblemException unprocessable(List<FieldError> errors) {
        return of(422, summary(errors), errors);
    }

    public static ProblemException badRequest(Text detail, List<FieldError> errors) {
        return of(400, detail, errors);
    }

    public static ProblemException of(int status, Text detail) {
        return of(status, detail, List.of());
    }

    private static ProblemException of(int status, Text detail, List<FieldError> errors) {
        return new ProblemException(new Problem(status, detail, errors));
    }

    /** "field: message" of the one error, or how many fields break the rules. */
    static Text summary(List<FieldError> errors) {
        return errors.size() == 1 ? ProblemText.FIELD_MESSAGE.with(errors.get(0).field(), errors.get(0).message())
                : ProblemText.FIELDS_BREAK_RULES.with(errors.size());
    }

    /** Adds a member to the problem body, such as the id of the existing project of a duplicate. */
    public ProblemException with(String name, Object value) {
        problem.with(name, value);
        return this;
    }
}
