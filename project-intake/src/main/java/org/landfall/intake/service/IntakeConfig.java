package org.landfall.intake.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** project-intake's own {@code landfall.*} settings (platform reads its own, the zone among them). */
@ConfigMapping(prefix = "landfall")
public interface IntakeConfig {

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
