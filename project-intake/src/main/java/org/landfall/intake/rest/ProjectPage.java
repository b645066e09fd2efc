package org.landfall.intake.rest;

import java.util.List;

/** One page of the project listing; {@code total} counts every match. */
public record ProjectPage(List<ProjectView> items, int page, int size, long total) {
}
