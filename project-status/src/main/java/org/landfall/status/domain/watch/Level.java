package org.landfall.status.domain.watch;

import java.util.Locale;

/** How urgently a project needs attention; a project's level is its worst reason's. Worse is greater. */
public enum Level {
    YELLOW, RED;

    /** {@code red} or {@code yellow}, as the API writes it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
