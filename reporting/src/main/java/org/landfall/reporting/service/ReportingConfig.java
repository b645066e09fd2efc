package org.landfall.reporting.service;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Reporting's own settings. */
@ConfigMapping(prefix = "landfall")
public interface ReportingConfig {

    /** The zone whose calendar the quarters follow: "today", the current quarter, and the end of an asOf date. */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
