package org.landfall.reporting.domain;

import java.util.Map;

import org.landfall.regions.Region;

/**
 * What a report's place parameters select (decision 31). {@code names}: the {@code province}, {@code city} and
 * {@code district} given, which select the projects whose names are those (case-insensitively), and when they
 * resolve, also those of the place they resolve to ({@code named}: province=黑龙江省 and province=Heilongjiang
 * select the same projects). {@code region}: the place of a {@code regionCode}, which selects it and every place
 * inside it. {@code place}: the one place all of them name together, for the targets a row is measured against.
 */
public record PlaceFilter(Map<String, String> names, Place named, Place region, Place place) {

    public static final PlaceFilter NONE = of(Map.of(), null);

    /** From the names given (by level) and a code of the catalogue (null: none). */
    public static PlaceFilter of(Map<String, String> names, String regionCode) {
        String province = names.get("province"), city = names.get("city"), district = names.get("district");
        // Not remembered: a request may name anything.
        return new PlaceFilter(Map.copyOf(names), Places.resolve(province, city, district, null),
                regionCode == null ? Place.NONE : Places.resolve(null, null, null, regionCode),
                Places.resolve(province, city, district, regionCode));
    }

    /**
     * The GB/T 2260 code of the smallest catalogue place that holds everything the filter selects (its conditions
     * all apply, so any of them bounds it), or null for the whole country: no condition, or names that match no code
     * (which select the projects without one, and those lie in no region).
     */
    public String areaCode() {
        String area = null;
        for (Place p : new Place[] {named, region, place}) {
            for (Place.Part part : p.parts()) {
                if (part.coded() && (area == null || part.code().startsWith(Region.codePrefix(area)) && !part.code().equals(area))) {
                    area = part.code();
                }
            }
        }
        return area;
    }

    /** The finest place level its conditions read (0: none). */
    public int depth() {
        int depth = Math.max(named.depth(), region.depth());
        for (int d = 1; d <= Place.LEVELS.size(); d++) {
            depth = names.containsKey(Place.LEVELS.get(d - 1)) ? Math.max(depth, d) : depth;
        }
        return depth;
    }
}
