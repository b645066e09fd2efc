package org.landfall.status.repository;

import java.util.List;

import org.landfall.events.Stage;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.regions.Region;

/**
 * What a project search asks for: projects in any of {@code stages} (empty: any), whose region code lies in
 * {@code region}; a null field does not filter; always {@code within} the caller's jurisdiction.
 */
public record ProjectFilter(List<Stage> stages, String province, String city, String district, Region region, String sector,
                            String q, Jurisdiction within) {
}
