package org.landfall.status.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one clock of the service, in the inspectors' zone; a test may install a fixed one to choose "today". */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock(StatusConfig config) {
        return Clock.system(config.zone());
    }
}
