package org.landfall.regions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.landfall.regions.Region.Level;

/**
 * The rules by which names and a code make a place, the same in every service (docs/decisions.md, decisions 28 and
 * 31): intake resolves a contract's place with them, reporting the places of events that carry no code, and
 * reconcile works places out with them again.
 * <ul>
 * <li>Without a code, names give the finest place they <em>certainly</em> lie in ({@link #resolve}): a finest name
 * the catalogue knows nowhere (a development zone named as district) leaves the place of the names above it; a
 * name that several places share leaves the finest place holding them all; names that contradict each other, or
 * an unknown province, give none.</li>
 * <li>With a code, names must not contradict it, except a name below the code's level that the catalogue knows
 * nowhere ({@link #contradictions}); names inside the code's place refine it ({@link #refine}).</li>
 * <li>A place's levels are a function of its code ({@link #levels}): a municipality is its own city and a county
 * that a province governs directly stands as the city.</li>
 * </ul>
 */
public final class PlaceResolver {

    private static final List<String> FIELDS = List.of("province", "city", "district");

    private static final class Catalogue {
        private static final PlaceResolver GBT2260 = new PlaceResolver(Regions.gbt2260());
    }

    /**
     * The divisions a region stands in as a contract's province, city and district (null where it has none):
     * 北京市/北京市/朝阳区 for 110105, 河南省/济源市/none for 419001, 黑龙江省/none/none for 230000.
     */
    public record Levels(Region province, Region city, Region district) {

        /** Province, city and district, null where there is none. */
        public List<Region> list() {
            return Arrays.asList(province, city, district);
        }

        /** Their names, in English (pinyin) or Chinese. */
        public PlaceNames names(boolean english) {
            return new PlaceNames(name(province, english), name(city, english), name(district, english));
        }

        private static String name(Region region, boolean english) {
            return region == null ? null : english ? region.nameEn() : region.name();
        }
    }

    /** A level of a place as reports show it: a division of the catalogue, else a name as given, else neither. */
    public record Part(Region region, String name) {

        public static final Part NONE = new Part(null, null);
    }

    private final Regions regions;

    private PlaceResolver(Regions regions) {
        this.regions = regions;
    }

    /** The rules over the catalogue this module ships. */
    public static PlaceResolver gbt2260() {
        return Catalogue.GBT2260;
    }

    /**
     * The finest place that names without a code certainly designate: the catalogue's resolution; for names it
     * finds in several places, the finest place holding them all; for a finest name it knows nowhere at its level,
     * the place of the names above it. Empty when the names contradict each other or the province is unknown.
     */
    public Optional<Region> resolve(PlaceNames names) {
        for (PlaceNames n = names; n != null; n = withoutUnknownFinest(n)) {
            Resolution resolution = regions.resolve(n);
            if (resolution instanceof Resolution.Resolved resolved) {
                return Optional.of(resolved.region());
            }
            if (resolution instanceof Resolution.Ambiguous ambiguous) {
                return commonPlace(ambiguous.candidates());
            }
        }
        return Optional.empty();
    }

    /**
     * The fields ({@code province}, {@code city}, {@code district}) whose names contradict {@code region}, as
     * {@link Regions#contradictions} says, but for a name below the region's level that the catalogue knows
     * nowhere: a development zone inside the code's city is no contradiction.
     */
    public List<String> contradictions(Region region, PlaceNames names) {
        List<String> fields = new ArrayList<>();
        for (String field : regions.contradictions(region, names)) {
            int level = FIELDS.indexOf(field);
            if (level <= region.level().ordinal() || !unknown(level, name(names, level))) {
                fields.add(field);
            }
        }
        return List.copyOf(fields);
    }

    /**
     * The place inside {@code coded} that the names designate once completed from the code's own names (230500
     * with district 宝清 is 230523), else {@code coded}.
     */
    public Region refine(Region coded, PlaceNames names) {
        PlaceNames fromCode = levels(coded).names(false);
        PlaceNames completed = new PlaceNames(either(names.province(), fromCode.province()),
                either(names.city(), fromCode.city()), either(names.district(), fromCode.district()));
        return resolve(completed).filter(r -> regions.contains(coded, r)).orElse(coded);
    }

    /**
     * The divisions {@code region} stands in as province, city and district: a municipality (a province without
     * cities) is its own city, so Beijing's districts are (北京市, 北京市, 朝阳区); a county that a province governs
     * directly stands as the city (河南省, 济源市).
     */
    public Levels levels(Region region) {
        List<Region> lineage = regions.lineage(region);
        Region province = lineage.get(0);
        Region city = lineage.stream().filter(r -> r.level() == Level.CITY).findFirst().orElse(null);
        Region county = lineage.stream().filter(r -> r.level() == Level.COUNTY).findFirst().orElse(null);
        if (city == null && regions.children(province).stream().noneMatch(r -> r.level() == Level.CITY)) {
            city = province;
        } else if (city == null && county != null) {
            city = county;
            county = null;
        }
        return new Levels(province, city, county);
    }

    /**
     * Province, city and district as reports show the place of these names and this code: the code's place if the
     * catalogue knows the code, else the place the names resolve to; at each level its division, else the name
     * given, unless that name alone designates the place or one it lies in (济源 given as district of 济源市).
     */
    public List<Part> parts(PlaceNames names, String regionCode) {
        Region region = (Regions.isCode(regionCode) ? regions.find(regionCode) : Optional.<Region>empty())
                .or(() -> resolve(names)).orElse(null);
        List<Region> divisions = region == null ? Arrays.asList(null, null, null) : levels(region).list();
        List<Part> parts = new ArrayList<>();
        for (int level = 0; level < FIELDS.size(); level++) {
            Region division = divisions.get(level);
            String given = name(names, level);
            parts.add(division != null ? new Part(division, null)
                    : given == null || region != null && designates(level, given, region) ? Part.NONE
                    : new Part(null, given));
        }
        return List.copyOf(parts);
    }

    /** Whether a name at {@code level} (0 province, 1 city, 2 district), alone, designates {@code region} or a place holding it. */
    private boolean designates(int level, String name, Region region) {
        return regions.resolve(alone(level, name)) instanceof Resolution.Resolved r && regions.contains(r.region(), region);
    }

    /** The names without their finest one if the catalogue knows that name nowhere at its level; else null. */
    private PlaceNames withoutUnknownFinest(PlaceNames names) {
        int finest = name(names, 2) != null ? 2 : name(names, 1) != null ? 1 : 0;
        if (finest == 0 || !unknown(finest, name(names, finest))) {
            return null;
        }
        return finest == 2 ? new PlaceNames(names.province(), names.city(), null)
                : new PlaceNames(names.province(), null, null);
    }

    private boolean unknown(int level, String name) {
        return regions.resolve(alone(level, name)) instanceof Resolution.NoMatch;
    }

    /** The finest place that holds every one of {@code candidates}: the end of their lineages' common start. */
    private Optional<Region> commonPlace(List<Region> candidates) {
        List<Region> common = regions.lineage(candidates.get(0));
        for (Region r : candidates) {
            List<Region> lineage = regions.lineage(r);
            int n = 0;
            while (n < common.size() && n < lineage.size() && common.get(n).equals(lineage.get(n))) {
                n++;
            }
            common = common.subList(0, n);
        }
        return common.isEmpty() ? Optional.empty() : Optional.of(common.get(common.size() - 1));
    }

    private static PlaceNames alone(int level, String name) {
        return new PlaceNames(level == 0 ? name : null, level == 1 ? name : null, level == 2 ? name : null);
    }

    private static String name(PlaceNames names, int level) {
        return names.get(FIELDS.get(level));
    }

    private static String either(String given, String catalogue) {
        return given != null ? given : catalogue;
    }
}
