package org.landfall.status.repository;

import java.util.List;

import org.landfall.regions.Region;
import org.landfall.status.domain.watch.Level;
import org.landfall.status.domain.watch.ReasonCode;

/**
 * What a watch-list query asks for: places and sector (case-insensitive, null: any), the projects whose region code
 * lies in {@code region} (null: any), projects on any of
 * {@code designations}, with any of {@code reasons}, at {@code level} (empty or null: no filter).
 */
public record WatchFilter(String province, String city, String district, Region region, String sector, List<String> designations,
                          List<ReasonCode> reasons, Level level) {
}
