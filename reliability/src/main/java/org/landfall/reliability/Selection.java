package org.landfall.reliability;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The projects one set of reports counts, as the report's filters select them (none: all), and the groupings
 * asked with them. Filters are {@code province}, {@code city}, {@code district} (the projects of those names,
 * case-insensitively, and of the place they resolve to), {@code regionCode} (a place and every place inside it),
 * {@code designation} (a project with it) and {@code minContractValue}.
 */
record Selection(Map<String, String> filters, List<String> groupings) {

    static final Selection ALL = new Selection(Map.of(), RowKey.GROUPINGS);

    /** The value band of the contract's "projects above 100 million yuan". */
    static final BigDecimal VALUE_BAND = new BigDecimal("100000000");

    Selection {
        filters = new TreeMap<>(filters);
    }

    /** The groupings asked of a province's region code: its cities and districts. */
    static final List<String> WITHIN = List.of("none", "city", "district");

    /**
     * What reconcile asks: every grouping of all projects, of the projects of each designation the contracts use,
     * and of those above the value band; for each province of the contracts, its projects by its region code; and
     * for each place with an annual target, its projects by sector, which the report measures against that place's
     * targets although the rows name no place.
     */
    static List<Selection> of(Upstream.Tables tables) {
        List<Selection> selections = new ArrayList<>(List.of(ALL));
        TreeSet<String> designations = new TreeSet<>();
        TreeSet<String> provinces = new TreeSet<>();
        tables.contracts().forEach(c -> c.designations().forEach(d -> designations.add(d.toLowerCase(Locale.ROOT))));
        tables.contracts().stream().map(c -> c.located().code(0)).filter(code -> code != null).forEach(provinces::add);
        designations.forEach(d -> selections.add(new Selection(Map.of("designation", d), RowKey.GROUPINGS)));
        selections.add(new Selection(Map.of("minContractValue", VALUE_BAND.toPlainString()), RowKey.GROUPINGS));
        provinces.forEach(code -> selections.add(new Selection(Map.of("regionCode", code), WITHIN)));
        // One selection per place, however its targets spelt it: the names of its latest set.
        Map<List<String>, Upstream.Target> places = new LinkedHashMap<>();
        tables.targets().stream().sorted(Comparator.comparing(Upstream.Target::placeKey))
                .forEach(t -> places.merge(t.place(), t, (a, b) -> a.seq() > b.seq() ? a : b));
        for (Upstream.Target t : places.values()) {
            Map<String, String> place = new LinkedHashMap<>();
            place.put("province", t.province());
            if (t.city() != null) {
                place.put("city", t.city());
            }
            if (t.district() != null) {
                place.put("district", t.district());
            }
            selections.add(new Selection(place, List.of("sector")));
        }
        return selections;
    }

    /** How rows of this selection are told apart from the others': its filters as a query string ("" for all). */
    String label() {
        StringBuilder s = new StringBuilder();
        filters.forEach((name, value) -> s.append(s.isEmpty() ? "" : "&").append(name).append('=').append(value));
        return s.toString();
    }

    /** The filters as query parameters to append to a report's URL. */
    String query() {
        StringBuilder s = new StringBuilder();
        filters.forEach((name, value) -> s.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return s.toString();
    }

    /** The one place the selection's place filters name together ("" for the levels they leave open). */
    List<String> place() {
        return Located.of(filters.get("province"), filters.get("city"), filters.get("district"), filters.get("regionCode"))
                .compared();
    }

    boolean counts(Upstream.Contract c) {
        Located at = c.located();
        return named(at) && filters.entrySet().stream().allMatch(f -> switch (f.getKey()) {
            case "province", "city", "district" -> true;
            case "regionCode" -> within(at, Located.of(null, null, null, f.getValue()));
            case "designation" -> c.designations().stream().anyMatch(d -> sameName(f.getValue(), d));
            case "minContractValue" -> c.contractValue().compareTo(new BigDecimal(f.getValue())) >= 0;
            default -> throw new IllegalArgumentException(f.getKey());
        });
    }

    /**
     * Whether a project at {@code at} has the names the place filters give (as the report shows them: the
     * catalogue's for a place with a code), or lies in the place those names resolve to.
     */
    private boolean named(Located at) {
        List<String> given = new ArrayList<>();
        Located.COLUMNS.forEach(column -> given.add(filters.get(column)));
        if (given.stream().allMatch(name -> name == null)) {
            return true;
        }
        boolean asGiven = true;
        for (int i = 0; i < given.size(); i++) {
            asGiven &= given.get(i) == null || sameName(given.get(i), at.name(i));
        }
        Located resolved = Located.of(given.get(0), given.get(1), given.get(2), null);
        return asGiven || resolved.code(0) != null && within(at, resolved);
    }

    /** Whether {@code at} lies in {@code place}: the same code at each level that has one, the same name at the others. */
    private static boolean within(Located at, Located place) {
        for (int i = 0; i < Located.COLUMNS.size(); i++) {
            String code = place.code(i), name = place.name(i);
            if (code != null ? !code.equals(at.code(i)) : name != null && !sameName(name, at.name(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameName(String a, String b) {
        return b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
