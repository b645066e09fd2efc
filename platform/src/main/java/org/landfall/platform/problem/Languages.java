package org.landfall.platform.problem;

import java.util.List;
import java.util.Locale;

/**
 * The languages the services answer in: Simplified Chinese and English (the default). Of an {@code Accept-Language}
 * header, the range of highest weight that names one of them decides; any Chinese ({@code zh}, {@code zh-TW},
 * {@code zh-Hans}) is answered in Simplified Chinese, the only Chinese we write.
 */
public final class Languages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> ALL = List.of(ENGLISH, CHINESE);

    private Languages() {
    }

    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage); // highest weight first
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        for (Locale.LanguageRange range : ranges) {
            String primary = range.getRange().split("-", 2)[0];
            if (range.getWeight() <= 0) {
                continue;
            }
            if (primary.equals("zh")) {
                return CHINESE;
            }
            if (primary.equals("en") || primary.equals("*")) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }
}
