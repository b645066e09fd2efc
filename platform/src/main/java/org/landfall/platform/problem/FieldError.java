package org.landfall.platform.problem;

/** One broken rule of a request, named by the JSON path of its field ({@code phases[1].investment}). */
public record FieldError(String field, String message) {
}
