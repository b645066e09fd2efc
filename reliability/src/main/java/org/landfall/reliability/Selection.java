package org.landfall.reliability;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The projects one set of reports counts, as the report's filters select them (none: all), and the groupings
 * asked with them. Filters are {@code province}, {@code city}, {@code district} (case-insensitive, exact),
 * {@code designation} (a project with it) and {@code minContractValue}.
 */
record Selection(Map<String, String> filters, List<String> groupings) {

    static final Selection ALL = new Selection(Map.of(), RowKey.GROUPINGS);

    /** The value band of the contract's "projects above 100 million yuan". */
    static final BigDecimal VALUE_BAND = new BigDecimal("100000000");

    Selection {
        filters = new TreeMap<>(filters);
    }

    /**
     * What reconcile asks: every grouping of all projects, of the projects of each designation the contracts use,
     * and of those above the value band; and for each place with an annual target, its projects by sector, which
     * the report measures against that place's targets although the rows name no place.
     */
    static List<Selection> of(Upstream.Tables tables) {
        List<Selection> selections = new ArrayList<>(List.of(ALL));
        TreeSet<String> designations = new TreeSet<>();
        tables.contracts().forEach(c -> c.designations().forEach(d -> designations.add(d.toLowerCase(Locale.ROOT))));
        designations.forEach(d -> selections.add(new Selection(Map.of("designation", d), RowKey.GROUPINGS)));
        selections.add(new Selection(Map.of("minContractValue", VALUE_BAND.toPlainString()), RowKey.GROUPINGS));
        Map<String, Upstream.Target> places = new TreeMap<>();
        tables.targets().forEach(t -> places.merge(t.placeKey(), t, (a, b) -> a.seq() > b.seq() ? a : b));
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

    boolean counts(Upstream.Contract c) {
        return filters.entrySet().stream().allMatch(f -> switch (f.getKey()) {
            case "province" -> sameName(f.getValue(), c.province());
            case "city" -> sameName(f.getValue(), c.city());
            case "district" -> sameName(f.getValue(), c.district());
            case "designation" -> c.designations().stream().anyMatch(d -> sameName(f.getValue(), d));
            case "minContractValue" -> c.contractValue().compareTo(new BigDecimal(f.getValue())) >= 0;
            default -> throw new IllegalArgumentException(f.getKey());
        });
    }

    private static boolean sameName(String a, String b) {
        return b != null && a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
