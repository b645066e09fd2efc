package org.landfall.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.landfall.intake.domain.IntakeText;
import org.landfall.platform.problem.Languages;
import org.landfall.platform.problem.MessageBundles;

/** Every message of intake has its text in English and Chinese. */
class IntakeTextTest {

    @Test
    void shouldHaveEveryKeyInEveryLanguageWithTheSameArguments() {
        assertEquals(List.of(), MessageBundles.faults(IntakeText.class));
    }

    @Test
    void shouldHaveEveryConstraintMessageOfOursInEveryLanguage() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"\\{(landfall\\.[A-Za-z.]+)}\"");
        // ours, and platform's constraints that intake uses (@PlainText), whose messages each service says itself
        try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src/main/java")),
                Files.walk(Path.of("../platform/src/main/java")))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(source));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.contains("landfall.yuan.positive"), used::toString);
        for (var language : Languages.ALL) {
            Properties texts = MessageBundles.file("ValidationMessages", language);
            assertEquals(used, texts.stringPropertyNames(), "ValidationMessages in " + language);
            used.forEach(k -> assertTrue(!texts.getProperty(k).isBlank(), k + " in " + language));
        }
    }
}
