package org.landfall.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The pages' two message bundles (platform's assets/i18n/zh.json and en.json) against each other and against what
 * the pages ask of them: the markup's {@code data-i18n} and {@code data-i18n-attr}, and {@code t('key')} and
 * {@code tn('key', n)} (which reads {@code key.one} and {@code key.other}) in their scripts; a key built at run time
 * ({@code t('some.prefix.' + code)}) is checked by its prefix; and the names of intake's sectors and designations,
 * which the pages look up by code.
 */
class MessageBundlesTest {

    static final Path ROOT = Paths.get(System.getProperty("landfall.root", "..")).toAbsolutePath().normalize();
    static final Path BUNDLES = ROOT.resolve("platform/src/main/resources/META-INF/resources/assets/i18n");
    static final List<String> LANGUAGES = List.of("zh", "en");
    /** The modules whose META-INF/resources hold pages or what they load. */
    static final List<String> MODULES = List.of("platform", "project-intake", "project-status", "reporting");

    static final Pattern CALL = Pattern.compile("\\bt\\('([^']+)'\\s*[,)]");
    static final Pattern PLURAL = Pattern.compile("\\btn\\('([^']+)'\\s*,");
    /** The start of a key built at run time: {@code t('map.figure.' + key)}, {@code t(`stage.${s}`)}. */
    static final Pattern BUILT = Pattern.compile("\\bt\\((?:'([^']+)'\\s*\\+|`([^`$]*)\\$\\{)");
    static final Pattern TEXT = Pattern.compile("data-i18n=\"([^\"]+)\"");
    static final Pattern ATTRIBUTES = Pattern.compile("data-i18n-attr=\"([^\"]+)\"");
    /** An enum constant's code: {@code NEW_ENERGY("new-energy", ...}. */
    static final Pattern CODE = Pattern.compile("(?m)^\\s+[A-Z_]+\\(\"([a-z0-9-]+)\"");

    static Map<String, Object> bundle(String language) {
        return new JsonPath(BUNDLES.resolve(language + ".json").toFile()).getMap("$");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Path> pageFiles() {
        return MODULES.stream().map(m -> ROOT.resolve(m).resolve("src/main/resources/META-INF/resources"))
                .filter(Files::isDirectory).flatMap(dir -> {
                    try (Stream<Path> files = Files.walk(dir)) {
                        return files.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".html"))
                                .toList().stream();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** The starts of the keys the pages build at run time. */
    static Set<String> prefixesUsed() {
        return pageFiles().flatMap(f -> BUILT.matcher(read(f)).results()
                .map(r -> r.group(1) != null ? r.group(1) : r.group(2))).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every key the pages ask for by its name, by the file that asks. */
    static Map<Path, Set<String>> keysUsed() {
        return pageFiles().collect(Collectors.toMap(f -> ROOT.relativize(f), f -> {
            String text = read(f);
            Set<String> keys = new TreeSet<>();
            matches(CALL, text).forEach(keys::add);
            matches(TEXT, text).forEach(keys::add);
            matches(PLURAL, text).forEach(k -> keys.addAll(List.of(k + ".one", k + ".other")));
            matches(ATTRIBUTES, text).forEach(pairs -> {
                for (String pair : pairs.split(",")) {
                    keys.add(pair.substring(pair.indexOf(':') + 1).trim());
                }
            });
            return keys;
        }));
    }

    static Stream<String> matches(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.results().map(r -> r.group(1));
    }

    /** The codes of one of intake's catalogues, prefixed as the bundles key their names: sector.new-energy. */
    static Set<String> catalogue(String enumName, String prefix) {
        String source = read(ROOT.resolve("project-intake/src/main/java/org/landfall/intake/domain/" + enumName + ".java"));
        Set<String> keys = matches(CODE, source).map(c -> prefix + c).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(keys.isEmpty(), "no code found in " + enumName);
        return keys;
    }

    @Test
    void shouldHaveTheSameKeysInBothLanguages() {
        Set<String> zh = new TreeSet<>(bundle("zh").keySet());
        Set<String> en = new TreeSet<>(bundle("en").keySet());
        assertEquals(Set.of(), difference(zh, en), "in zh.json only");
        assertEquals(Set.of(), difference(en, zh), "in en.json only");
    }

    /** A key written twice is read as its last value: one of the two texts is never shown, silently. */
    @Test
    void shouldHaveEachKeyOnceInEachLanguage() {
        Pattern key = Pattern.compile("(?m)^\\s*\"([^\"]+)\"\\s*:");
        for (String language : LANGUAGES) {
            Map<String, Long> counts = matches(key, read(BUNDLES.resolve(language + ".json")))
                    .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
            assertEquals(Map.of(), counts.entrySet().stream().filter(e -> e.getValue() > 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)), "keys written twice in " + language + ".json");
        }
    }

    @Test
    void shouldHaveNoEmptyMessage() {
        for (String language : LANGUAGES) {
            Set<String> empty = bundle(language).entrySet().stream()
                    .filter(e -> !(e.getValue() instanceof String s) || s.isBlank()).map(Map.Entry::getKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(), empty, "empty or not text in " + language + ".json");
        }
    }

    @Test
    void shouldHaveEveryMessageThePagesAskFor() {
        Map<Path, Set<String>> used = keysUsed();
        assertTrue(used.size() >= 7, "the three pages, their scripts and landfall.js: " + used.keySet());
        for (String language : LANGUAGES) {
            Set<String> known = bundle(language).keySet();
            used.forEach((file, keys) -> assertEquals(Set.of(), difference(keys, known),
                    "asked for by " + file + " but missing in " + language + ".json"));
            Set<String> unmatched = prefixesUsed().stream().filter(p -> known.stream().noneMatch(k -> k.startsWith(p)))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(), unmatched, "keys built from these starts, none in " + language + ".json");
        }
    }

    @Test
    void shouldNameEverySectorAndDesignationOfIntake() {
        for (String language : LANGUAGES) {
            Set<String> known = bundle(language).keySet();
            assertEquals(Set.of(), difference(catalogue("Sector", "sector."), known), "sectors unnamed in " + language);
            assertEquals(Set.of(), difference(catalogue("Designation", "designation."), known),
                    "designations unnamed in " + language);
        }
    }

    @Test
    void shouldHoldNoMessageThatNothingAsksFor() {
        Set<String> wanted = keysUsed().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        wanted.addAll(catalogue("Sector", "sector."));
        wanted.addAll(catalogue("Designation", "designation."));
        Set<String> prefixes = prefixesUsed();
        Set<String> unused = difference(bundle("en").keySet(), wanted).stream()
                .filter(k -> prefixes.stream().noneMatch(k::startsWith)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), unused, "messages no page asks for");
    }

    static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
