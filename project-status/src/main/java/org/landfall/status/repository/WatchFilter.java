package org.landfall.status.repository;

import java.util.List;

import org.landfall.platform.security.Jurisdiction;
import org.landfall.regions.Regions;
import org.landfall.status.domain.watch.Level;
import org.landfall.status.domain.watch.ReasonCode;

/**
 * What a watch-list query asks for: places by name (case-insensitive, null: any) and, where those names resolve, the
 * place they {@code named} (so that 黑龙江省 and Heilongjiang are one place), the place of a GB/T 2260 {@code regionCode}
 * and every place inside it (null: any), the sector (case-insensitive), projects on any of {@code designations}, with
 * any of {@code reasons}, at {@code level} (empty or null: no filter); always {@code within} the caller's
 * jurisdiction.
 */
public record WatchFilter(String province, String city, String district, Regions.Named named, String regionCode,
                          String sector, List<String> designations, List<ReasonCode> reasons, Level level,
                          Jurisdiction within) {
}
