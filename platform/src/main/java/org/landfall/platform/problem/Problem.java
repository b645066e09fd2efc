package org.landfall.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail, the body of every error response. Its title follows its status; its texts are said
 * in the language of the request when it is answered.
 */
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType JSON = MediaType.valueOf(MEDIA_TYPE);

    private final int status;
    private final Text detail;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(int status, Text detail, List<FieldError> errors) {
        this.status = status;
        this.detail = detail;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public int getStatus() {
        return status;
    }

    public Text getTitle() {
        return ProblemText.title(status).with();
    }

    public Text getDetail() {
        return detail;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /** The JSON body in {@code language}: type, title, status, detail, errors (if any), then the extensions. */
    public Map<String, Object> body(Locale language) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", getTitle().in(language));
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail.in(language));
        }
        if (errors != null) {
            body.put("errors", errors.stream().map(e -> e.said(language)).toList());
        }
        body.putAll(extensions);
        return body;
    }

    public Response toResponse(Locale language) {
        return Response.status(status).type(JSON).entity(body(language))
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE).build();
    }
}
