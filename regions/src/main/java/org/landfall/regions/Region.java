package org.landfall.regions;

/**
 * A division of GB/T 2260: its six-digit code, its Chinese name as the list writes it (双鸭山市) and its English
 * name (Shuangyashan). The code tells the level: {@code 230000} a province, {@code 230500} a city, {@code 230523}
 * a county or district.
 */
public record Region(String code, String name, String nameEn) {

    public enum Level {
        /** A province, autonomous region, municipality or special administrative region. */
        PROVINCE,
        /** A prefecture-level city, prefecture, autonomous prefecture or league. */
        CITY,
        /** A district, county, county-level city, banner or the like. */
        COUNTY
    }

    public Level level() {
        return level(code);
    }

    private static Level level(String code) {
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        return code.endsWith("00") ? Level.CITY : Level.COUNTY;
    }

    /**
     * The digits that begin the code of every region inside this one, itself included: codes nest by their digits,
     * so 23xxxx lie in 230000 and 2305xx in 230500; a county is only itself.
     */
    public String codePrefix() {
        return codePrefix(code);
    }

    /** {@link #codePrefix()} of a code, whether or not the catalogue holds it. */
    public static String codePrefix(String code) {
        return switch (level(code)) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }

    /** The code of the province the region lies in (its own, for a province). */
    public String provinceCode() {
        return code.substring(0, 2) + "0000";
    }
}
