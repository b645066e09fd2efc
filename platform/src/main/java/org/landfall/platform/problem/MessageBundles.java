package org.landfall.platform.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Checks of the message bundles, for each module's tests: every key has a text in every language, no text is without
 * its key, each text is a pattern {@link MessageFormat} reads, and the languages of a key take the same arguments.
 */
public final class MessageBundles {

    private static final int MAX_ARGS = 10;

    private MessageBundles() {
    }

    /** What is wrong with the bundle of the enum {@code keys}; nothing when it is complete. */
    public static <K extends Enum<K> & MessageKey> List<String> faults(Class<K> keys) {
        EnumSet<K> all = EnumSet.allOf(keys);
        String bundle = all.iterator().next().bundle();
        Set<String> names = all.stream().map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        List<String> faults = new ArrayList<>();
        Properties english = file(bundle, Languages.ENGLISH);
        for (Locale language : Languages.ALL) {
            Properties texts = file(bundle, language);
            for (String name : names) {
                String text = texts.getProperty(name);
                if (text == null || text.isBlank()) {
                    faults.add(bundle + " " + language + ": no text for " + name);
                    continue;
                }
                try {
                    Set<Integer> args = arguments(text, language);
                    Set<Integer> englishArgs = arguments(english.getProperty(name, ""), Languages.ENGLISH);
                    if (!args.equals(englishArgs)) {
                        faults.add(bundle + " " + language + ": " + name + " takes arguments " + args + ", English "
                                + englishArgs);
                    }
                } catch (IllegalArgumentException e) {
                    faults.add(bundle + " " + language + ": " + name + " is not a MessageFormat pattern: " + e.getMessage());
                }
            }
            texts.stringPropertyNames().stream().filter(k -> !names.contains(k)).sorted()
                    .forEach(k -> faults.add(bundle + " " + language + ": " + k + " is not a key of " + keys.getSimpleName()));
        }
        return faults;
    }

    /**
     * One file of a bundle as written, such as {@code ValidationMessages} in {@link Languages#CHINESE}: unlike
     * {@link java.util.ResourceBundle}, it does not fill a missing key from the English file.
     */
    public static Properties file(String bundle, Locale language) {
        String name = bundle.replace('.', '/') + (language.equals(Languages.ENGLISH) ? "" : "_" + language) + ".properties";
        Properties texts = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }

    /** The indexes of the arguments that {@code pattern} writes out. */
    private static Set<Integer> arguments(String pattern, Locale language) {
        String said = new MessageFormat(pattern, language).format(IntStream.range(0, MAX_ARGS).mapToObj(i -> "⟦" + i + "⟧").toArray());
        return IntStream.range(0, MAX_ARGS).filter(i -> said.contains("⟦" + i + "⟧")).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
