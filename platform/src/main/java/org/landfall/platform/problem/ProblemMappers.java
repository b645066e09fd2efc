package org.landfall.platform.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
 * 500 that names the id, never with a stack trace. Each problem is said in the language of the request's
 * {@code Accept-Language} ({@link Languages}).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers) {
        return e.problem().toResponse(language(headers));
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpHeaders headers) {
        // Hibernate Validator said each message in the request's language already (RequestLanguage).
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), Text.said(v.getMessage())))
                .sorted(FieldError.BY_FIELD)
                .toList();
        return new Problem(422, ProblemException.summary(errors), errors).toResponse(language(headers));
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JacksonException e, HttpHeaders headers) {
        String field = e instanceof JsonMappingException m ? pathOf(m) : null;
        Text message = unreadable(e);
        List<FieldError> errors = field == null || field.isEmpty() ? List.of() : List.of(new FieldError(field, message));
        Text detail = field == null || field.isEmpty() ? message : ProblemText.FIELD_MESSAGE.with(field, message);
        return new Problem(400, detail, errors).toResponse(language(headers));
    }

    /**
     * Quarkus REST brings its own mapper for this subtype of {@link JacksonException} (a plain JSON body, or none);
     * mapping the exact type here takes precedence over it, so unknown fields and wrong types are problems too.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpHeaders headers) {
        return unreadableJson(e, headers);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers);
        }
        if (e.getCause() instanceof JacksonException unreadable) {
            return unreadableJson(unreadable, headers); // a body cut short, which Quarkus REST wraps in a 400
        }
        Text detail = switch (status) {
            case 400 -> ProblemText.REQUEST_UNREADABLE.with();
            case 404 -> ProblemText.NO_SUCH_PATH.with();
            case 405 -> ProblemText.METHOD_NOT_ALLOWED.with();
            case 406 -> ProblemText.NOT_ACCEPTABLE.with();
            case 415 -> ProblemText.MEDIA_TYPE_NOT_READ.with();
            default -> ProblemText.REQUEST_REFUSED.with(status);
        };
        Response.ResponseBuilder r = Response.fromResponse(new Problem(status, detail, null).toResponse(language(headers)));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? r.build() : r.header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpHeaders headers) {
        return notAuthenticated(headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers) {
        return notAuthenticated(headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers) {
        return new Problem(403, ProblemText.FORBIDDEN.with(), null).toResponse(language(headers));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers) {
        Locale language = language(headers);
        if (databaseUnavailable(e)) {
            // Passing: the client may retry once the database is back (an Idempotency-Key makes that safe).
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(new Problem(503, ProblemText.DATABASE_UNAVAILABLE.with(), null)
                    .toResponse(language)).header(HttpHeaders.RETRY_AFTER, "5").build();
        }
        if (unreadableForm(e)) {
            return new Problem(400, ProblemText.UNREADABLE_FORM.with(), null).toResponse(language);
        }
        if (clientGone(e)) {
            // Not ours to fix and not an error of the service: the client gave up (a timeout) while its body was
            // still to be read, so nobody reads this answer either.
            LOG.debugf("the client closed the connection before its request was read: %s", e.getMessage());
            return new Problem(400, ProblemText.REQUEST_UNREADABLE.with(), null).toResponse(language);
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", id);
        return new Problem(500, ProblemText.UNEXPECTED.with(id), null).toResponse(language);
    }

    /** The language of the request's answer, from its {@code Accept-Language}. */
    private static Locale language(HttpHeaders headers) {
        return Languages.of(headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
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
                    && Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith(FORM_PARSER))) {
                return true;
            }
        }
        return false;
    }

    /** Reading the request's body failed because its connection or HTTP/2 stream closed under it. */
    static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static Response notAuthenticated(HttpHeaders headers) {
        return Response.fromResponse(new Problem(401, ProblemText.NOT_AUTHENTICATED.with(), null)
                .toResponse(language(headers))).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
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

    /** What could not be read of a JSON body: an unknown field, a value of the wrong type, or no JSON at all. */
    public static Text unreadable(JacksonException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return ProblemText.UNKNOWN_FIELD.with(u.getPropertyName());
        } else if (e instanceof InvalidFormatException f) {
            return ProblemText.CANNOT_READ_AS.with(Text.excerpt(f.getValue()), describe(f.getTargetType()));
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return ProblemText.EXPECTED.with(describe(m.getTargetType()));
        } else if (e instanceof DatabindException) {
            return ProblemText.INVALID_VALUE.with();
        }
        return ProblemText.MALFORMED_JSON.with(firstLine(e.getOriginalMessage()));
    }

    private static Text describe(Class<?> type) {
        if (type.isEnum()) {
            return ProblemText.ONE_OF.with(Arrays.toString(type.getEnumConstants()));
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> ProblemText.A_DATE.with();
            case "Instant", "OffsetDateTime" -> ProblemText.AN_INSTANT.with();
            case "BigDecimal" -> ProblemText.A_NUMBER.with();
            case "Integer", "int", "Long", "long" -> ProblemText.AN_INTEGER.with();
            case "UUID" -> ProblemText.A_UUID.with();
            case "String" -> ProblemText.A_STRING.with();
            case "Boolean", "boolean" -> ProblemText.A_BOOLEAN.with();
            case "List", "Set" -> ProblemText.AN_ARRAY.with();
            default -> ProblemText.AN_OBJECT.with();
        };
    }

    /** The first line of the JSON parser's complaint (said in English only: it names what it met). */
    private static Text firstLine(String s) {
        if (s == null) {
            return ProblemText.UNREADABLE_BODY.with();
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return Text.said(line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }
}
