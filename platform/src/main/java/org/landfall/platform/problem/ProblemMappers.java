package org.landfall.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves a Landfall service as {@code application/problem+json}. Malformed input is a 400, a
 * well-formed request that breaks a rule a 422; anything unforeseen is logged with an id and answered as a
 * 500 that names the id, never with a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields break the rules";
        return new Problem(422, Problem.titleOf(422), detail, errors).toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JacksonException e) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : null;
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown field '" + u.getPropertyName() + "'";
        } else if (e instanceof InvalidFormatException f) {
            message = "cannot read " + quoted(f.getValue()) + " as " + describe(f.getTargetType());
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "expected " + describe(m.getTargetType());
        } else if (e instanceof DatabindException) {
            message = "invalid value";
        } else {
            message = "malformed JSON: " + firstLine(e.getOriginalMessage());
        }
        List<FieldError> errors = field == null || field.isEmpty() ? List.of() : List.of(new FieldError(field, message));
        String detail = field == null || field.isEmpty() ? message : field + ": " + message;
        return new Problem(400, Problem.titleOf(400), detail, errors).toResponse();
    }

    /**
     * Quarkus REST brings its own mapper for this subtype of {@link JacksonException} (a plain JSON body, or none);
     * mapping the exact type here takes precedence over it, so unknown fields and wrong types are problems too.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.ResponseBuilder r = Response.fromResponse(
                new Problem(status, Problem.titleOf(status), e.getMessage(), null).toResponse());
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? r.build() : r.header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return notAuthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return notAuthenticated();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return new Problem(403, Problem.titleOf(403), "your role may not do this", null).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        if (databaseUnavailable(e)) {
            // Passing: the client may retry once the database is back (an Idempotency-Key makes that safe).
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(new Problem(503, Problem.titleOf(503),
                    "the database is unavailable; retry shortly (a signing with the same Idempotency-Key)", null).toResponse())
                    .header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        if (unreadableForm(e)) {
            return new Problem(400, Problem.titleOf(400), "the body is not a readable multipart/form-data form: it needs "
                    + "the boundary its Content-Type names, parts with a Content-Disposition header, and the closing boundary",
                    null).toResponse();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", id);
        return new Problem(500, Problem.titleOf(500), "unexpected error " + id + " (logged)", null).toResponse();
    }

    /**
     * The database could not be reached or gave up on the transaction for a passing reason: no connection
     * (SQLSTATE class 08, or the pool's timeout, which has no SQLSTATE), shutting down (57P), out of resources
     * (53), a serialization failure or deadlock (40).
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                return state == null || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                        || state.startsWith("40");
            }
        }
        return false;
    }

    /**
     * The form parser of Quarkus REST met a body or Content-Type that is not the multipart/form-data it says (cut
     * short, no closing boundary, malformed part headers, an empty {@code boundary=}, on which it indexes past the
     * header's end): it throws before any resource method runs, from the client's bytes alone.
     */
    static boolean unreadableForm(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if ((t instanceof java.io.IOException || t instanceof RuntimeException)
                    && java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(FORM_PARSER))) {
                return true;
            }
        }
        return false;
    }

    private static Response notAuthenticated() {
        return Response.fromResponse(new Problem(401, Problem.titleOf(401),
                        "a valid bearer token is required", null).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** {@code create.request.phases[1].investment} becomes {@code phases[1].investment}. */
    public static String fieldOf(ConstraintViolation<?> v) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER) {
                continue;
            }
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.toString();
    }

    /** The JSON path of the member that could not be read: {@code phases[1].investment}. */
    public static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "an ISO-8601 instant";
            case "BigDecimal" -> "a number";
            case "Integer", "int", "Long", "long" -> "an integer";
            case "UUID" -> "a UUID";
            case "String" -> "a string";
            case "Boolean", "boolean" -> "true or false";
            case "List", "Set" -> "an array";
            default -> "an object";
        };
    }

    private static String quoted(Object value) {
        String s = String.valueOf(value);
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable body";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
