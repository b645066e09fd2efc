package org.landfall.status.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a project reached on its way to production, so that "the first turbine rolled off the line" is recorded as
 * what it is rather than in a note. {@code code} is what the API reads and writes, {@code name} English and
 * {@code nameZh} Chinese; {@link #ALL} is in the usual order of a factory project.
 */
public record Milestone(String code, String name, String nameZh) {

    public static final List<Milestone> ALL = List.of(
            new Milestone("approval-obtained", "Approvals obtained", "审批手续办结"),
            new Milestone("land-acquired", "Land acquired", "取得建设用地"),
            new Milestone("equipment-installation-started", "Equipment installation started", "设备开始安装"),
            new Milestone("equipment-installed", "Equipment installed", "设备安装完成"),
            new Milestone("first-product", "First product off the line", "首件产品下线"),
            new Milestone("grid-connected", "Connected to the grid", "并网"),
            new Milestone("full-production", "Full production", "全面达产"));

    public static Optional<Milestone> of(String code) {
        return ALL.stream().filter(m -> m.code.equals(code)).findFirst();
    }

    /** The known ones of {@code codes}, once each, in the order of {@link #ALL}. */
    public static List<String> ordered(Collection<String> codes) {
        return ALL.stream().map(Milestone::code).filter(codes::contains).toList();
    }
}
