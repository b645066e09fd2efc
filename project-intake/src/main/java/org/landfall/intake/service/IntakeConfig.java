package org.landfall.intake.service;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** project-intake's own {@code landfall.*} settings (platform reads its own). */
@ConfigMapping(prefix = "landfall")
public interface IntakeConfig {

    /**
     * The officers' calendar, not UTC's: "today" for the rule that a contract cannot be signed in the future, and
     * the zone of the dates OC4IDS gives as date-times.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    @WithName("import")
    Import imports();

    Oc4idsExport oc4ids();

    interface Import {

        /** At most this many contracts a file: one import is one transaction, and its answer lists every row. */
        @WithDefault("1000")
        int maxRows();
    }

    interface Oc4idsExport {

        /** The project identifier prefix the Open Contracting Partnership registered for the publisher. */
        @WithDefault("oc4ids-landfall-")
        String idPrefix();

        @WithDefault("Landfall")
        String publisher();
    }
}
