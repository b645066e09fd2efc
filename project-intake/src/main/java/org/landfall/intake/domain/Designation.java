package org.landfall.intake.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The key-project lists a project may be on (重点项目): a province, a city or a district (county) names its key
 * projects, and leaders are judged on their planned investment. {@code code} is what the API reads and writes.
 */
public enum Designation {
    PROVINCIAL_KEY("provincial-key", "Provincial key project", "省级重点项目"),
    MUNICIPAL_KEY("municipal-key", "Municipal key project", "市级重点项目"),
    DISTRICT_KEY("district-key", "District (county) key project", "县（区）级重点项目");

    private final String code;
    private final String name;
    private final String nameZh;

    Designation(String code, String name, String nameZh) {
        this.code = code;
        this.name = name;
        this.nameZh = nameZh;
    }

    public String code() {
        return code;
    }

    /** The English name. */
    public String displayName() {
        return name;
    }

    public String nameZh() {
        return nameZh;
    }

    public static Optional<Designation> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
