package org.landfall.intake.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.landfall.platform.problem.FieldError;
import org.landfall.regions.PlaceNames;
import org.landfall.regions.Region;
import org.landfall.regions.Region.Level;
import org.landfall.regions.Regions;
import org.landfall.regions.Resolution;

/**
 * Where a contract is: its names checked against the GB/T 2260 catalogue, its {@code regionCode} resolved or
 * checked, and the names it leaves out filled in (docs/api/project-intake.md, "Places").
 * <p>
 * Without a code, the names give the finest place they certainly lie in: a district the catalogue does not know
 * (a development zone) leaves its city's code, a district name that two counties of the city share leaves the
 * city's; names that contradict each other, or an unknown province, give none. With a code, the names must not
 * contradict it, except that a name below the code's level that the catalogue does not know is kept as the
 * officer gave it; names inside the code's place refine it (230500 with district 宝清 is 230523).
 */
public final class Places {

    private static final Regions REGIONS = Regions.gbt2260();

    /** A contract with its place resolved and completed, or the place's errors (then the contract as given). */
    public record Placement(Contract contract, List<FieldError> errors) {
    }

    private Places() {
    }

    /** {@code c} (normalised) with its place resolved, checked and completed from the catalogue. */
    public static Placement place(Contract c) {
        PlaceNames given = new PlaceNames(c.province(), c.city(), c.district());
        Region region;
        if (c.regionCode() == null) {
            region = resolve(given).orElse(null);
        } else {
            Optional<Region> coded = REGIONS.find(c.regionCode());
            if (coded.isEmpty()) {
                return new Placement(c, List.of(new FieldError("regionCode", IntakeText.REGION_CODE_UNKNOWN.with())));
            }
            List<FieldError> errors = contradictions(coded.get(), given);
            if (!errors.isEmpty()) {
                return new Placement(c, errors);
            }
            region = refined(coded.get(), given);
        }
        if (region == null) {
            return new Placement(c, List.of());
        }
        PlaceNames catalogue = namesOf(region, english(given));
        return new Placement(c.placedAt(either(given.province(), catalogue.province()),
                either(given.city(), catalogue.city()), either(given.district(), catalogue.district()), region.code()),
                List.of());
    }

    /**
     * The finest place that names without a code certainly designate: the catalogue's resolution; for names it
     * finds in several places, the finest place holding them all; for a finest name it does not know at all, the
     * place of the names above it. Empty when the names contradict each other or the province is unknown.
     */
    public static Optional<Region> resolve(PlaceNames names) {
        for (PlaceNames n = names; n != null; n = withoutUnknownFinest(n)) {
            Resolution resolution = REGIONS.resolve(n);
            if (resolution instanceof Resolution.Resolved resolved) {
                return Optional.of(resolved.region());
            }
            if (resolution instanceof Resolution.Ambiguous ambiguous) {
                return commonPlace(ambiguous.candidates());
            }
        }
        return Optional.empty();
    }

    /** The errors of the names that contradict {@code region}; an unknown name below its level is no contradiction. */
    private static List<FieldError> contradictions(Region region, PlaceNames names) {
        List<FieldError> errors = new ArrayList<>();
        for (String field : REGIONS.contradictions(region, names)) {
            Slot slot = Slot.valueOf(field.toUpperCase(Locale.ROOT));
            if (slot.level.ordinal() > region.level().ordinal() && unknown(slot, slot.of(names))) {
                continue;
            }
            errors.add(new FieldError(field, IntakeText.PLACE_OUTSIDE_REGION.with(slot.of(names), region.code(),
                    region.name(), region.nameEn())));
        }
        return errors;
    }

    /** The place inside {@code coded} that the names designate once completed from the code, else {@code coded}. */
    private static Region refined(Region coded, PlaceNames given) {
        PlaceNames fromCode = namesOf(coded, false);
        PlaceNames completed = new PlaceNames(either(given.province(), fromCode.province()),
                either(given.city(), fromCode.city()), either(given.district(), fromCode.district()));
        return resolve(completed).filter(r -> REGIONS.contains(coded, r)).orElse(coded);
    }

    /**
     * The names of {@code region} and the places it lies in, as a contract writes them: a municipality (a province
     * without cities) is its own city, so Beijing's districts are (北京市, 北京市, 朝阳区); a county that a province
     * governs directly stands as the city (河南省, 济源市).
     */
    static PlaceNames namesOf(Region region, boolean english) {
        List<Region> lineage = REGIONS.lineage(region);
        Region province = lineage.get(0);
        Region city = lineage.stream().filter(r -> r.level() == Level.CITY).findFirst().orElse(null);
        Region county = lineage.stream().filter(r -> r.level() == Level.COUNTY).findFirst().orElse(null);
        if (city == null && REGIONS.children(province).stream().noneMatch(r -> r.level() == Level.CITY)) {
            city = province;
        } else if (city == null && county != null) {
            city = county;
            county = null;
        }
        return new PlaceNames(name(province, english), name(city, english), name(county, english));
    }

    /** Names are filled in English when every name given is in Latin letters (pinyin), else in Chinese. */
    private static boolean english(PlaceNames given) {
        List<String> names = Stream.of(given.province(), given.city(), given.district())
                .filter(Objects::nonNull).toList();
        return !names.isEmpty() && names.stream().noneMatch(Places::hasHan);
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static String name(Region region, boolean english) {
        return region == null ? null : english ? region.nameEn() : region.name();
    }

    private static String either(String given, String catalogue) {
        return given != null ? given : catalogue;
    }

    /** The names without their finest one if the catalogue knows that name nowhere at its level; else null. */
    private static PlaceNames withoutUnknownFinest(PlaceNames names) {
        Slot finest = Stream.of(Slot.DISTRICT, Slot.CITY, Slot.PROVINCE).filter(s -> s.of(names) != null)
                .findFirst().orElse(Slot.PROVINCE);
        if (finest == Slot.PROVINCE || !unknown(finest, finest.of(names))) {
            return null;
        }
        return finest == Slot.DISTRICT ? new PlaceNames(names.province(), names.city(), null)
                : new PlaceNames(names.province(), null, null);
    }

    private static boolean unknown(Slot slot, String name) {
        PlaceNames alone = new PlaceNames(slot == Slot.PROVINCE ? name : null, slot == Slot.CITY ? name : null,
                slot == Slot.DISTRICT ? name : null);
        return REGIONS.resolve(alone) instanceof Resolution.NoMatch;
    }

    /** The finest place that holds every one of {@code regions}: the end of their lineages' common start. */
    private static Optional<Region> commonPlace(List<Region> regions) {
        List<Region> common = REGIONS.lineage(regions.get(0));
        for (Region r : regions) {
            List<Region> lineage = REGIONS.lineage(r);
            int n = 0;
            while (n < common.size() && n < lineage.size() && common.get(n).equals(lineage.get(n))) {
                n++;
            }
            common = common.subList(0, n);
        }
        return common.isEmpty() ? Optional.empty() : Optional.of(common.get(common.size() - 1));
    }

    /** A name's place in a contract, and the level of the places it names. */
    private enum Slot {
        PROVINCE(Level.PROVINCE), CITY(Level.CITY), DISTRICT(Level.COUNTY);

        private final Level level;

        Slot(Level level) {
            this.level = level;
        }

        String of(PlaceNames names) {
            return switch (this) {
                case PROVINCE -> names.province();
                case CITY -> names.city();
                case DISTRICT -> names.district();
            };
        }
    }
}
