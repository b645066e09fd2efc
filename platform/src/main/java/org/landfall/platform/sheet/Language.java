package org.landfall.platform.sheet;

import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;

/** The languages a spreadsheet's headers are written in: Chinese when the request prefers it, English otherwise. */
public enum Language {
    EN, ZH;

    /** The first language of the request's {@code Accept-Language} (by preference) that is Chinese or English. */
    public static Language of(HttpHeaders headers) {
        try {
            for (Locale locale : headers.getAcceptableLanguages()) {
                if ("zh".equalsIgnoreCase(locale.getLanguage())) {
                    return ZH;
                }
                if ("en".equalsIgnoreCase(locale.getLanguage())) {
                    return EN;
                }
            }
        } catch (RuntimeException malformed) {
            // an unreadable Accept-Language names no language: the default one
        }
        return EN;
    }

    /** {@code zh} in Chinese, else {@code en}. */
    public String pick(String en, String zh) {
        return this == ZH ? zh : en;
    }
}
