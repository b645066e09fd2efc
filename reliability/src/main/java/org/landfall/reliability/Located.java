package org.landfall.reliability;

import java.util.List;
import java.util.Locale;

import org.landfall.regions.PlaceNames;
import org.landfall.regions.PlaceResolver;
import org.landfall.regions.Regions;

/**
 * Where the report must show a contract, worked out here from the contract's own names and code apart from
 * reporting's read model, by the place rules of the regions module that every service follows (CONTRACT.md
 * "Language, places and spreadsheets"; decisions 28 and 31): province, city and district, each a GB/T 2260 place
 * (under its English name) or a name as given.
 */
record Located(List<Level> levels) {

    /** One of province, city, district: {@code code} null for a name without one; {@code name} null for none. */
    record Level(String name, String code) {

        /** What targets and filters compare: the code, else the name whatever its case ("" for none). */
        String compared() {
            return code != null ? "#" + code : name == null ? "" : name.toLowerCase(Locale.ROOT);
        }
    }

    static final Regions CATALOGUE = Regions.gbt2260();
    static final List<String> COLUMNS = List.of("province", "city", "district");

    /** A contract's, a target's or a filter's names (null where not given) and the code given with them (or null). */
    static Located of(String province, String city, String district, String regionCode) {
        return new Located(PlaceResolver.gbt2260().parts(new PlaceNames(province, city, district), regionCode).stream()
                .map(p -> p.region() != null ? new Level(p.region().nameEn(), p.region().code()) : new Level(p.name(), null))
                .toList());
    }

    /** The levels as targets and place filters compare them. */
    List<String> compared() {
        return levels.stream().map(Level::compared).toList();
    }

    /** The code of level {@code i} (0 province, 1 city, 2 district), or null. */
    String code(int i) {
        return levels.get(i).code();
    }

    String name(int i) {
        return levels.get(i).name();
    }
}
