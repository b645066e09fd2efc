package org.landfall.status.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Optional;

import org.landfall.platform.problem.Text;

/** What holds a project up: the power supply, land, an approval, money, equipment, or something else. */
public enum BlockerKind {
    POWER, LAND, APPROVAL, FINANCING, EQUIPMENT, OTHER;

    /** {@code power}, {@code land}, ...: what the API reads and writes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Its name as a person reads it: power in English, 电力 in Chinese. */
    public Text text() {
        return switch (this) {
            case POWER -> StatusText.KIND_POWER.with();
            case LAND -> StatusText.KIND_LAND.with();
            case APPROVAL -> StatusText.KIND_APPROVAL.with();
            case FINANCING -> StatusText.KIND_FINANCING.with();
            case EQUIPMENT -> StatusText.KIND_EQUIPMENT.with();
            case OTHER -> StatusText.KIND_OTHER.with();
        };
    }

    public static Optional<BlockerKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(BlockerKind::code).toList();
    }
}
