package org.landfall.intake.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemText;
import org.landfall.regions.PlaceNames;
import org.landfall.regions.PlaceResolver;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;

/**
 * Where a contract is: its names checked against the GB/T 2260 catalogue, its {@code regionCode} resolved or
 * checked, and the names it leaves out filled in (docs/api/project-intake.md, "Places"), by the rules of the
 * regions module's {@link PlaceResolver}: without a code, the finest place the names certainly lie in; with one,
 * names that must not contradict it and may refine it.
 */
public final class Places {

    private static final Regions REGIONS = Regions.gbt2260();
    private static final PlaceResolver PLACES = PlaceResolver.gbt2260();

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
            region = PLACES.resolve(given).orElse(null);
        } else {
            Optional<Region> coded = REGIONS.find(c.regionCode());
            if (coded.isEmpty()) {
                return new Placement(c, List.of(new FieldError("regionCode", ProblemText.REGION_CODE_UNKNOWN.with())));
            }
            List<FieldError> errors = PLACES.contradictions(coded.get(), given).stream()
                    .map(field -> new FieldError(field, IntakeText.PLACE_OUTSIDE_REGION.with(given.get(field),
                            coded.get().code(), coded.get().name(), coded.get().nameEn())))
                    .toList();
            if (!errors.isEmpty()) {
                return new Placement(c, errors);
            }
            region = PLACES.refine(coded.get(), given);
        }
        if (region == null) {
            return new Placement(c, List.of());
        }
        PlaceNames catalogue = PLACES.levels(region).names(english(given));
        return new Placement(c.placedAt(either(given.province(), catalogue.province()),
                either(given.city(), catalogue.city()), either(given.district(), catalogue.district()), region.code()),
                List.of());
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

    private static String either(String given, String catalogue) {
        return given != null ? given : catalogue;
    }
}
