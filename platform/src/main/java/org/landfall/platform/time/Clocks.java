package org.landfall.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one clock every service reads "now" and "today" from, in the zone of its users' calendar. Application
 * scoped, so that a test can install a fixed one (QuarkusMock) to choose "today".
 */
public class Clocks {

    /** {@code landfall.zone}: the calendar of quarters, "today" and the end of a date given as asOf. */
    @ConfigMapping(prefix = "landfall")
    public interface Zone {
        @WithDefault("Asia/Shanghai")
        ZoneId zone();
    }

    @Produces
    @ApplicationScoped
    Clock clock(Zone config) {
        return Clock.system(config.zone());
    }
}
