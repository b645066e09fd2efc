package org.landfall.reporting.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.landfall.regions.PlaceNames;
import org.landfall.regions.PlaceResolver;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;

/**
 * Places as reports know them, from the names and the code a contract, a target or a filter gives, by the rules
 * of the regions module's {@link PlaceResolver} (decision 31):
 * <ul>
 * <li>the place's code is the one given, if the catalogue knows it; else the code intake gives those names, so
 * that events from before codes existed, which carry none, get the code intake would give them; else there is
 * none;</li>
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
    private static final PlaceResolver RULES = PlaceResolver.gbt2260();

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
        List<Place.Part> parts = RULES.parts(new PlaceNames(province, city, district), regionCode).stream()
                .map(p -> p.region() != null ? new Place.Part(p.region().nameEn(), p.region().code())
                        : Place.Part.named(p.name()))
                .toList();
        return new Place(parts.get(0), parts.get(1), parts.get(2));
    }

    /** The catalogue's place of a code, if it is one. */
    public static Optional<Region> region(String code) {
        return Regions.isCode(code) ? CATALOGUE.find(code) : Optional.empty();
    }

    /** The Chinese name of a place of the catalogue (双鸭山市), null for no code. */
    public static String chineseName(String code) {
        return region(code).map(Region::name).orElse(null);
    }
}
