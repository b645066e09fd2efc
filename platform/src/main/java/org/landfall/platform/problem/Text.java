package org.landfall.platform.problem;

import java.util.List;
import java.util.Locale;

/**
 * A text for a person, said in the language of the request that gets it: the problems of the services are built
 * from texts and said only when answered ({@link Problem#toResponse}), so the rules that refuse need not know who
 * asks. A text is a message of a bundle ({@link MessageKey#with}), a text said already ({@link #said}), a name in
 * both languages ({@link #named}), or a list.
 */
public sealed interface Text permits Message, Text.Said, Text.Listing, Text.Named {

    String in(Locale language);

    /**
     * A text that is the same in every language: a value of the client's, or a text said already, such as a Bean
     * Validation message (interpolated in the request's language by Hibernate Validator).
     */
    static Text said(String text) {
        return new Said(text);
    }

    /** A name a catalogue gives in both languages: 双鸭山市 to a Chinese reader, Shuangyashan to the others. */
    static Text named(String chinese, String english) {
        return new Named(chinese, english);
    }

    /** The items (texts, or values written as they are) one after the other: "a, b, c" in English, "a、b、c" in Chinese. */
    static Text list(List<?> items) {
        return new Listing(List.copyOf(items));
    }

    /** At most 40 characters of a client's value, for a message that quotes it. */
    static String excerpt(Object value) {
        String s = String.valueOf(value);
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    record Said(String text) implements Text {

        @Override
        public String in(Locale language) {
            return text;
        }
    }

    record Listing(List<?> items) implements Text {

        @Override
        public String in(Locale language) {
            return items.stream().map(i -> i instanceof Text t ? t.in(language) : String.valueOf(i))
                    .reduce((a, b) -> ProblemText.LIST_PAIR.with(a, b).in(language)).orElse("");
        }
    }

    record Named(String chinese, String english) implements Text {

        @Override
        public String in(Locale language) {
            return language.getLanguage().equals(Languages.CHINESE.getLanguage()) ? chinese : english;
        }
    }
}
