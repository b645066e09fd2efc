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

    Ledger ledger();

    interface Import {

        /** At most this many contracts a file: one import is one transaction, and its answer lists every row. */
        @WithDefault("1000")
        int maxRows();

        /** An .xlsx workbook may unpack to at most this many bytes (a zip bomb unpacks to gigabytes). */
        @WithDefault("20971520")
        long maxUnpackedBytes();

        /** A refusal lists at most this many errors (with the count of them all). */
        @WithDefault("100")
        int maxErrors();
    }

    interface Ledger {

        /** The ledger's spreadsheets hold at most this many projects; a search that finds more is refused. */
        @WithDefault("100000")
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
