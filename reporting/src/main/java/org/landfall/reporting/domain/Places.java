package org.landfall.reporting.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.landfall.regions.PlaceNames;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;
import org.landfall.regions.Resolution;

/**
 * Places as reports know them, from the names and the code a contract, a target or a filter gives, with the
 * catalogue of the regions module (decision 31):
 * <ul>
 * <li>the place's code is the one given, if the catalogue knows it; else that of the finest names that resolve
 * (all three, else province and city, else the province), so that events from before codes existed, which carry
 * none, get the code intake would give them; else there is none ({@link Regions#placeOf});</li>
 * <li>the levels of a code: its province; as its city, its prefecture-level city, or for a municipality (and the
 * special administrative regions) the municipality itself, or for a county a province governs directly (济源市)
 * that county; as its district, the county, unless it stands as the city;</li>
 * <li>a level below those is the name as given, unless that name alone designates the place or one it lies in
 * (济源 given as district of 济源市).</li>
 * </ul>
 * So a place's levels are a function of its code, and "Shuangyashan" and "双鸭山市" are one place, 230500.
 */
public final class Places {

    private static final Regions CATALOGUE = Regions.gbt2260();

    /** The provinces without prefecture-level cities: each stands as its own city. */
    private static final Set<String> OWN_CITIES = CATALOGUE.provinces().stream()
            .filter(p -> CATALOGUE.children(p).stream().noneMatch(c -> c.level() == Region.Level.CITY))
            .map(Region::code).collect(Collectors.toUnmodifiableSet());

    /**
     * The places of the read model's contracts and targets, by the names and code they were made from: a
     * project's place is asked for at every derivation of its figures, and resolving names takes tens of
     * microseconds. A read model names a few thousand places; the bound keeps made-up names from growing it
     * without end.
     */
    private static final Map<List<String>, Place> KNOWN = new ConcurrentHashMap<>();
    private static final int MAX_KNOWN = 10_000;

    private Places() {
    }

    /** {@link #resolve}, remembered: for the places of contracts and targets, asked for again and again. */
    public static Place of(String province, String city, String district, String regionCode) {
        List<String> key = Arrays.asList(province, city, district, regionCode);
        Place known = KNOWN.get(key);
        if (known != null) {
            return known;
        }
        Place made = resolve(province, city, district, regionCode);
        if (KNOWN.size() >= MAX_KNOWN) {
            KNOWN.clear();
        }
        KNOWN.put(key, made);
        return made;
    }

    /** The place that these names (null or blank where not given) and this code (null: none) designate. */
    public static Place resolve(String province, String city, String district, String regionCode) {
        return make(new PlaceNames(province, city, district), regionCode);
    }

    /** The catalogue's place of a code, if it is one. */
    public static Optional<Region> region(String code) {
        return Regions.isCode(code) ? CATALOGUE.find(code) : Optional.empty();
    }

    /** The Chinese name of a place of the catalogue (双鸭山市), null for no code. */
    public static String chineseName(String code) {
        return region(code).map(Region::name).orElse(null);
    }

    private static Place make(PlaceNames names, String regionCode) {
        Region region = CATALOGUE.placeOf(names, regionCode).orElse(null);
        List<String> given = Arrays.asList(names.province(), names.city(), names.district());
        Place.Part[] parts = new Place.Part[given.size()];
        List<Region> levels = region == null ? Arrays.asList(null, null, null) : levels(region);
        for (int i = 0; i < parts.length; i++) {
            Region level = levels.get(i);
            parts[i] = level != null ? new Place.Part(level.nameEn(), level.code())
                    : given.get(i) == null || region != null && designates(i, given.get(i), region) ? Place.Part.NONE
                    : Place.Part.named(given.get(i));
        }
        return new Place(parts[0], parts[1], parts[2]);
    }

    /** Province, city and district of a region's code; null where it has none. */
    private static List<Region> levels(Region region) {
        List<Region> lineage = CATALOGUE.lineage(region);
        Region province = lineage.get(0);
        Region city = lineage.stream().filter(r -> r.level() == Region.Level.CITY).findFirst()
                .orElse(OWN_CITIES.contains(province.code()) ? province : lineage.size() > 1 ? lineage.get(1) : null);
        Region district = region.level() == Region.Level.COUNTY && !region.equals(city) ? region : null;
        return Arrays.asList(province, city, district);
    }

    /** Whether a name at level {@code i}, alone, designates {@code region} or a place it lies in. */
    private static boolean designates(int i, String name, Region region) {
        String[] alone = new String[3];
        alone[i] = name;
        return CATALOGUE.resolve(new PlaceNames(alone[0], alone[1], alone[2])) instanceof Resolution.Resolved r
                && CATALOGUE.contains(r.region(), region);
    }
}
