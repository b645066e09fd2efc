package org.landfall.status.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a project reached on its way to production, so that "the first turbine rolled off the line" is recorded as
 * what it is rather than in a note. {@code code} is what the API reads and writes; the order is the usual order of
 * a factory project.
 */
public enum Milestone {
    APPROVAL_OBTAINED("approval-obtained", "Approvals obtained", "审批手续办结"),
    LAND_ACQUIRED("land-acquired", "Land acquired", "取得建设用地"),
    EQUIPMENT_INSTALLATION_STARTED("equipment-installation-started", "Equipment installation started", "设备开始安装"),
    EQUIPMENT_INSTALLED("equipment-installed", "Equipment installed", "设备安装完成"),
    FIRST_PRODUCT("first-product", "First product off the line", "首件产品下线"),
    GRID_CONNECTED("grid-connected", "Connected to the grid", "并网"),
    FULL_PRODUCTION("full-production", "Full production", "全面达产");

    private final String code;
    private final String name;
    private final String nameZh;

    Milestone(String code, String name, String nameZh) {
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

    public static Optional<Milestone> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }

    /** Known codes once each, in the catalogue's order. */
    public static List<String> ordered(Collection<String> codes) {
        return codes.stream().distinct().map(Milestone::of).flatMap(Optional::stream)
                .sorted(Comparator.naturalOrder()).map(Milestone::code).toList();
    }
}
