package org.landfall.status.service;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** project-status's own {@code landfall.*} settings (platform reads its own). */
@ConfigMapping(prefix = "landfall")
public interface StatusConfig {

    /** The inspectors' calendar: "today" for the rule that an update cannot be dated in the future. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
