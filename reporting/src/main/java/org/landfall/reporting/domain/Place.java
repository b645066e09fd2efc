package org.landfall.reporting.domain;

import java.util.List;
import java.util.Locale;

/**
 * Where reports put a project, or what a filter or target names: its province, city and district. Each level is
 * a place of the GB/T 2260 catalogue (its code, named by the catalogue's English name), or a name as given where
 * the names match no code (code ""), or none ("" and ""). The levels with a code come first: a name without one
 * only stands below the finest place the catalogue knows. {@link Places} makes them.
 */
public record Place(Part province, Part city, Part district) {

    /** The levels, coarsest first, as the columns that hold their names are called. */
    public static final List<String> LEVELS = List.of("province", "city", "district");

    public static final Place NONE = new Place(Part.NONE, Part.NONE, Part.NONE);

    /** One level of a place. */
    public record Part(String name, String code) {

        public static final Part NONE = new Part("", "");

        public static Part named(String name) {
            return name == null ? NONE : new Part(name, "");
        }

        public boolean coded() {
            return !code.isEmpty();
        }

        public boolean given() {
            return coded() || !name.isEmpty();
        }
    }

    /** The column that holds a level's code: {@code province_code}, {@code city_code}, {@code district_code}. */
    public static String codeColumn(String level) {
        return level + "_code";
    }

    public List<Part> parts() {
        return List.of(province, city, district);
    }

    /** The part of level {@code depth}: 1 the province, 2 the city, 3 the district. */
    public Part part(int depth) {
        return switch (depth) {
            case 1 -> province;
            case 2 -> city;
            case 3 -> district;
            default -> throw new IllegalArgumentException("no place level " + depth);
        };
    }

    /** This place down to {@code depth} levels, none below: what a report grouped at that level sees of it. */
    public Place upTo(int depth) {
        return new Place(depth >= 1 ? province : Part.NONE, depth >= 2 ? city : Part.NONE,
                depth >= 3 ? district : Part.NONE);
    }

    /** The finest level given (0: none). */
    public int depth() {
        int depth = 0;
        for (int d = 1; d <= LEVELS.size(); d++) {
            depth = part(d).given() ? d : depth;
        }
        return depth;
    }

    /** Whether a level has a code: then the province has one. */
    public boolean coded() {
        return province.coded();
    }

    /** The place as places are matched: a catalogue place by its code alone, a name whatever its case. */
    public Place matched() {
        return new Place(matched(province), matched(city), matched(district));
    }

    private static Part matched(Part part) {
        return part.coded() ? new Part("", part.code()) : new Part(part.name().toLowerCase(Locale.ROOT), "");
    }
}
