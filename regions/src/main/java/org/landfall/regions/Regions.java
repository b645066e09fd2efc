package org.landfall.regions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.landfall.regions.Region.Level;

/**
 * The catalogue of GB/T 2260 divisions down to the counties (see regions/README.md for its source and rules): look
 * a code up, list a region's children, and find the region that names in Chinese or pinyin designate.
 * <p>
 * Names match whatever their case, spaces, apostrophes, hyphens and tone marks, with or without their
 * administrative suffix: "Shuangyashan", "shuang ya shan", "双鸭山" and "双鸭山市" all name 230500, and an English
 * kind after a name ("Shuangyashan City", "Hong Kong SAR") is ignored. A county that a province governs directly
 * (济源市, the districts of a municipality) may be named as a city too, and a municipality's own name as its city
 * (Beijing, Beijing, Chaoyang).
 */
public final class Regions {

    private static final Pattern CODE = Pattern.compile("\\d{6}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * An English kind after a name, which the catalogue's English names leave out; matched once runs of spaces are
     * single, so that a long run cannot make the match quadratic.
     */
    private static final Pattern ENGLISH_KIND = Pattern.compile(" (special administrative region|sar"
            + "|autonomous region|autonomous prefecture|autonomous county|autonomous banner|municipality|province"
            + "|prefecture|city|district|county|league|banner|new area)$");
    /** What a name may carry that does not tell places apart: spaces, apostrophes, hyphens, dots, tone marks. */
    private static final Pattern IGNORED = Pattern.compile("[\\s'’‘`\\-.·・]+|\\p{M}+");

    /** Where a name stands in a contract: the component of {@link PlaceNames} and the field it is reported on. */
    private enum Slot {
        PROVINCE("province", PlaceNames::province),
        CITY("city", PlaceNames::city),
        DISTRICT("district", PlaceNames::district);

        private final String field;
        private final Function<PlaceNames, String> name;

        Slot(String field, Function<PlaceNames, String> name) {
            this.field = field;
            this.name = name;
        }
    }

    private static final class Catalogue {
        private static final Regions GBT2260 = load();
    }

    private final Map<String, Region> byCode = new LinkedHashMap<>();
    private final Map<String, Region> parents = new HashMap<>();
    private final Map<String, List<Region>> children = new HashMap<>();
    private final Map<String, List<Region>> byKey = new HashMap<>();

    private Regions(List<String[]> rows) {
        for (String[] row : rows) {
            Region region = new Region(row[0], row[1], row[3]);
            if (byCode.putIfAbsent(region.code(), region) != null) {
                throw new IllegalStateException("region " + region.code() + " listed twice");
            }
        }
        for (String[] row : rows) {
            Region region = byCode.get(row[0]);
            if (region.level() != Level.PROVINCE) {
                Region parent = parentInList(region);
                parents.put(region.code(), parent);
                children.computeIfAbsent(parent.code(), code -> new ArrayList<>()).add(region);
            }
            Set<String> keys = new LinkedHashSet<>();
            keys.add(key(row[1]));
            keys.add(key(row[2]));
            keys.add(key(row[3]));
            if (!row[4].isEmpty()) {
                Arrays.stream(row[4].split("\\|")).map(Regions::key).forEach(keys::add);
            }
            keys.forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(region));
        }
    }

    /** The catalogue that this module ships. */
    public static Regions gbt2260() {
        return Catalogue.GBT2260;
    }

    /** Whether {@code text} has the form of a code: six digits. */
    public static boolean isCode(String text) {
        return text != null && CODE.matcher(text).matches();
    }

    public Optional<Region> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The provinces, autonomous regions, municipalities and special administrative regions, by code. */
    public List<Region> provinces() {
        return byCode.values().stream().filter(region -> region.level() == Level.PROVINCE).toList();
    }

    /** The regions directly inside {@code parent}, by code: a municipality's are its districts and counties. */
    public List<Region> children(Region parent) {
        return List.copyOf(children.getOrDefault(parent.code(), List.of()));
    }

    public Optional<Region> parent(Region region) {
        return Optional.ofNullable(parents.get(region.code()));
    }

    /** The region and the regions it lies in, its province first: [黑龙江省, 双鸭山市, 宝清县]; [北京市, 朝阳区]. */
    public List<Region> lineage(Region region) {
        List<Region> lineage = new ArrayList<>();
        for (Region r = region; r != null; r = parents.get(r.code())) {
            lineage.add(0, r);
        }
        return List.copyOf(lineage);
    }

    /** Whether {@code inner} is {@code outer} or lies inside it. */
    public boolean contains(Region outer, Region inner) {
        return lineage(inner).contains(outer);
    }

    /**
     * The region that the names designate: the most specific one given (the district's if there is one), which the
     * others must not contradict. A district name found in several cities resolves only with its city (or a
     * province that holds just one of them).
     */
    public Resolution resolve(PlaceNames names) {
        Slot deepest = null;
        for (Slot slot : Slot.values()) {
            if (slot.name.apply(names) != null) {
                deepest = slot;
            }
        }
        if (deepest == null) {
            return new Resolution.NoMatch();
        }
        List<Region> candidates = named(deepest, deepest.name.apply(names)).stream()
                .filter(region -> contradictions(region, names).isEmpty())
                .toList();
        return switch (candidates.size()) {
            case 0 -> new Resolution.NoMatch();
            case 1 -> new Resolution.Resolved(candidates.get(0));
            default -> new Resolution.Ambiguous(candidates);
        };
    }

    /** A region, and how many of the names (province first) designate it: those below them name no region. */
    public record Named(Region region, int levels) {
    }

    /**
     * The region a contract lies in as reports place it (decision 31): its {@code code} where the catalogue lists it,
     * else that of its finest names that resolve ({@link #named}), which is the code intake gives most contracts, so
     * that events from before codes existed, which carry none, find their place too; empty where neither gives one.
     */
    public Optional<Region> placeOf(PlaceNames names, String code) {
        Optional<Region> coded = isCode(code) ? find(code) : Optional.empty();
        return coded.isPresent() ? coded : named(names).map(Named::region);
    }

    /**
     * The region of the finest names that resolve: all three, else province and city, else the province (a
     * development zone named as district, a city of no code, leave the place above them); empty if none do.
     */
    public Optional<Named> named(PlaceNames names) {
        for (int levels = 3; levels >= 1; levels--) {
            PlaceNames attempt = new PlaceNames(names.province(), levels > 1 ? names.city() : null,
                    levels > 2 ? names.district() : null);
            if (resolve(attempt) instanceof Resolution.Resolved r) {
                return Optional.of(new Named(r.region(), levels));
            }
        }
        return Optional.empty();
    }

    /**
     * The fields ({@code province}, {@code city}, {@code district}) whose names contradict {@code region}: a name
     * contradicts it unless it names the region, a region it lies in, or one inside it (230500 with district
     * 宝清县 is consistent; with district 铁西区 it is not). Names not given contradict nothing.
     */
    public List<String> contradictions(Region region, PlaceNames names) {
        List<String> fields = new ArrayList<>();
        for (Slot slot : Slot.values()) {
            String name = slot.name.apply(names);
            if (name != null && named(slot, name).stream()
                    .noneMatch(named -> contains(named, region) || contains(region, named))) {
                fields.add(slot.field);
            }
        }
        return List.copyOf(fields);
    }

    /** The regions that {@code name} may designate where it stands. */
    private List<Region> named(Slot slot, String name) {
        return byKey.getOrDefault(key(name), List.of()).stream().filter(region -> switch (slot) {
            case PROVINCE -> region.level() == Level.PROVINCE;
            case CITY -> switch (region.level()) {
                case CITY -> true;
                // A county the province governs directly (济源市, 朝阳区 of Beijing) stands where a city would.
                case COUNTY -> parents.get(region.code()).level() == Level.PROVINCE;
                // A municipality is its own city (Beijing, Beijing, Chaoyang).
                case PROVINCE -> children(region).stream().noneMatch(child -> child.level() == Level.CITY);
            };
            case DISTRICT -> region.level() == Level.COUNTY;
        }).toList();
    }

    /** A county lies in its city, or in its province where the province governs it directly; a city in its province. */
    private Region parentInList(Region region) {
        Region city = byCode.get(region.code().substring(0, 4) + "00");
        Region parent = region.level() == Level.COUNTY && city != null ? city : byCode.get(region.provinceCode());
        if (parent == null) {
            throw new IllegalStateException("region " + region.code() + " lies in no region of the list");
        }
        return parent;
    }

    /** What a name is matched on. */
    static String key(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        text = ENGLISH_KIND.matcher(SPACES.matcher(text).replaceAll(" ")).replaceFirst("");
        text = IGNORED.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        // v stands for ü where a keyboard has none (Lvliang).
        return text.replace('v', 'u');
    }

    private static Regions load() {
        try (InputStream in = Regions.class.getResourceAsStream("gbt2260.csv")) {
            if (in == null) {
                throw new IllegalStateException("gbt2260.csv is missing from the regions module");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] row = line.split(",", -1);
                if (row.length != 5 || !isCode(row[0]) || row[1].isBlank() || row[3].isBlank()) {
                    throw new IllegalStateException("gbt2260.csv: malformed line " + line);
                }
                rows.add(row);
            }
            return new Regions(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
