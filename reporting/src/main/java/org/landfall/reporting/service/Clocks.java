package org.landfall.reporting.service;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one clock reporting reads "now" from, in {@code landfall.zone}; a test can put a fixed one in its place. */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    Clock clock(ReportingConfig config) {
        return Clock.system(config.zone());
    }
}
