package org.landfall.platform.sheet;

import jakarta.ws.rs.core.HttpHeaders;
import org.landfall.platform.problem.Languages;

/** The languages a spreadsheet's headers are written in: those of the request's problems ({@link Languages}). */
public enum Language {
    EN, ZH;

    public static Language of(HttpHeaders headers) {
        return Languages.of(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)) == Languages.CHINESE ? ZH : EN;
    }

    /** {@code zh} in Chinese, else {@code en}. */
    public String pick(String en, String zh) {
        return this == ZH ? zh : en;
    }
}
