package org.landfall.reliability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.landfall.regions.PlaceNames;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;
import org.landfall.regions.Resolution;

/**
 * Where the report must show a contract, worked out here from the catalogue and the contract's own names and
 * code, apart from reporting's code (CONTRACT.md "Language, places and spreadsheets"; decision 31): province,
 * city and district, each a GB/T 2260 place (under its English name) or a name as given.
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
        List<String> names = Arrays.asList(blankAsNull(province), blankAsNull(city), blankAsNull(district));
        Region region = regionCode == null ? null : CATALOGUE.find(regionCode).orElse(null);
        for (int last = 2; region == null && last >= 0; last--) {
            // The deepest name given first; then without it.
            if (names.get(last) != null && CATALOGUE.resolve(names(names, last)) instanceof Resolution.Resolved r) {
                region = r.region();
            }
        }
        List<Level> levels = new ArrayList<>();
        Region[] coded = region == null ? new Region[3] : levels(region);
        for (int i = 0; i < 3; i++) {
            if (coded[i] != null) {
                levels.add(new Level(coded[i].nameEn(), coded[i].code()));
            } else {
                levels.add(new Level(region != null && within(names.get(i), i, region) ? null : names.get(i), null));
            }
        }
        return new Located(levels);
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

    /**
     * The levels of a code: its province ({@code xx0000}); its city ({@code xxyy00}) if the catalogue has it, else
     * the province itself where the province has no cities (a municipality), else the county (one its province
     * governs directly); the county as district unless it stands as the city.
     */
    private static Region[] levels(Region region) {
        String code = region.code();
        Region province = CATALOGUE.find(code.substring(0, 2) + "0000").orElseThrow();
        Region city = null;
        if (!code.endsWith("0000")) {
            city = CATALOGUE.find(code.substring(0, 4) + "00").orElse(null);
        }
        boolean municipality = CATALOGUE.children(province).stream().allMatch(c -> c.level() == Region.Level.COUNTY);
        if (city == null && municipality) {
            city = province;
        } else if (city == null && !code.endsWith("0000")) {
            city = region;
        }
        Region district = code.endsWith("00") || region.equals(city) ? null : region;
        return new Region[] {province, city, district};
    }

    /** Whether a name at level {@code i}, alone, names {@code region} or a place that holds it. */
    private static boolean within(String name, int i, Region region) {
        if (name == null) {
            return false;
        }
        List<String> alone = Arrays.asList(null, null, null);
        alone.set(i, name);
        return CATALOGUE.resolve(names(alone, 2)) instanceof Resolution.Resolved r
                && CATALOGUE.lineage(region).contains(r.region());
    }

    /** The names down to level {@code last}. */
    private static PlaceNames names(List<String> names, int last) {
        return new PlaceNames(names.get(0), last >= 1 ? names.get(1) : null, last >= 2 ? names.get(2) : null);
    }

    private static String blankAsNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
