package org.landfall.status.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

/** What holds a project up: the power supply, land, an approval, money, equipment, or something else. */
public enum BlockerKind {
    POWER, LAND, APPROVAL, FINANCING, EQUIPMENT, OTHER;

    /** {@code power}, {@code land}, ...: what the API reads and writes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<BlockerKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(BlockerKind::code).toList();
    }
}
