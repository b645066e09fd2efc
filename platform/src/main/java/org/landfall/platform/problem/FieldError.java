package org.landfall.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One broken rule of a request, named by the JSON path of its field ({@code phases[1].investment}). In a file
 * upload, {@code line} is the line of the file where the refused row starts; {@code field} is absent when the
 * row as a whole is at fault (a duplicate, too many cells).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"line", "field", "message"})
public record FieldError(Integer line, String field, String message) {

    public FieldError(String field, String message) {
        this(null, field, message);
    }
}
