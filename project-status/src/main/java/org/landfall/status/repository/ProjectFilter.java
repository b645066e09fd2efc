package org.landfall.status.repository;

import org.landfall.events.Stage;

/** What a project search asks for; a null field does not filter. */
public record ProjectFilter(Stage stage, String province, String city, String sector, String q) {
}
