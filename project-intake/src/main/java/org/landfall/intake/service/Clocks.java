package org.landfall.intake.service;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one clock of the service, in the officers' zone; a test may install a fixed one to choose "today". */
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock(IntakeConfig config) {
        return Clock.system(config.zone());
    }
}
