package org.landfall.regions;

import java.util.List;

/** What a set of place names comes to in the catalogue. */
public sealed interface Resolution {

    /** The names name this one region, the most specific they give. */
    record Resolved(Region region) implements Resolution {
    }

    /** The names name no region: a place not in the list, or names that do not fit together. */
    record NoMatch() implements Resolution {
    }

    /** The names fit several regions (a district name found in several cities, with no city given). */
    record Ambiguous(List<Region> candidates) implements Resolution {

        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }
}
