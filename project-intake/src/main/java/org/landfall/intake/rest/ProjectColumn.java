package org.landfall.intake.rest;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.landfall.events.Amount;
import org.landfall.events.ProjectSnapshot;
import org.landfall.platform.sheet.Language;
import org.landfall.platform.sheet.Table;

/**
 * A project's columns in a spreadsheet, the one place that names them: the import reads the contract's columns
 * (a header cell may give the English key, the Chinese name, or both as {@code 项目名称 / name}), the templates
 * write both names, and the ledger writes every column in the language asked for. Keys are the members of
 * {@code POST /api/projects}, nested ones with a dot. The order is the template's and the ledger's.
 */
public enum ProjectColumn {
    CODE("code", "项目编号", Cell.TEXT, false, ProjectView::code),
    NAME("name", "项目名称", Cell.TEXT, true, ProjectView::name),
    INVESTOR("investor", "投资方", Cell.TEXT, true, ProjectView::investor),
    PROVINCE("province", "省份", Cell.TEXT, true, ProjectView::province),
    CITY("city", "城市", Cell.TEXT, true, ProjectView::city),
    DISTRICT("district", "区县", Cell.TEXT, true, ProjectView::district),
    REGION_CODE("regionCode", "行政区划代码", Cell.TEXT, true, ProjectView::regionCode),
    SECTOR("sector", "行业", Cell.TEXT, true, ProjectView::sector),
    SIGNED_ON("signedOn", "签约日期", Cell.DATE, true, ProjectView::signedOn),
    CONTRACT_VALUE("contractValue", "合同金额（元）", Cell.AMOUNT, true, ProjectView::contractValue),
    PLANNED_JOBS("plannedJobs", "计划用工人数", Cell.INTEGER, true, ProjectView::plannedJobs),
    CAPACITY_VALUE("plannedCapacity.value", "设计产能", Cell.NUMBER, true,
            p -> p.plannedCapacity() == null ? null : p.plannedCapacity().value()),
    CAPACITY_UNIT("plannedCapacity.unit", "产能单位", Cell.TEXT, true,
            p -> p.plannedCapacity() == null ? null : p.plannedCapacity().unit()),
    PHASES("phases", "分期", Cell.PHASES, true, p -> ProjectColumn.phases(p.phases())),
    PLANNED_START_ON("plannedStartOn", "计划开工日期", Cell.DATE, true, ProjectView::plannedStartOn),
    PLANNED_OPERATIONAL_ON("plannedOperationalOn", "计划投产日期", Cell.DATE, true, ProjectView::plannedOperationalOn),
    SOURCE_TITLE("source.title", "信息来源标题", Cell.TEXT, true, p -> p.source() == null ? null : p.source().title()),
    SOURCE_URL("source.url", "信息来源网址", Cell.TEXT, true, p -> p.source() == null ? null : p.source().url()),
    SOURCE_PUBLISHED_ON("source.publishedOn", "信息来源发布日期", Cell.DATE, true,
            p -> p.source() == null ? null : p.source().publishedOn()),
    DESIGNATIONS("designations", "重点项目类别", Cell.CODES, true,
            p -> p.designations() == null || p.designations().isEmpty() ? null : String.join("; ", p.designations())),
    PARK("park", "所在园区", Cell.TEXT, true, ProjectView::park),
    EXPECTED_ANNUAL_SALES("expectedAnnualSales", "预计年销售收入（元）", Cell.AMOUNT, true, ProjectView::expectedAnnualSales),
    EXPECTED_ANNUAL_PROFIT("expectedAnnualProfit", "预计年利润（元）", Cell.AMOUNT, true, ProjectView::expectedAnnualProfit),
    EXPECTED_ANNUAL_TAX("expectedAnnualTax", "预计年税收（元）", Cell.AMOUNT, true, ProjectView::expectedAnnualTax),
    STAGE("stage", "项目阶段", Cell.TEXT, false, p -> p.stage() == null ? null : p.stage().name()),
    REVISION("revision", "修订版本", Cell.INTEGER, false, ProjectView::revision),
    CREATED_AT("createdAt", "录入时间", Cell.INSTANT, false, ProjectView::createdAt),
    CREATED_BY("createdBy", "录入人", Cell.TEXT, false, ProjectView::createdBy),
    ID("id", "项目ID", Cell.TEXT, false, p -> p.id() == null ? null : p.id().toString());

    /** What a column holds: how the import reads its cells and how a spreadsheet writes them. */
    enum Cell {
        TEXT(Table.Kind.TEXT), AMOUNT(Table.Kind.AMOUNT), NUMBER(Table.Kind.NUMBER), INTEGER(Table.Kind.INTEGER),
        DATE(Table.Kind.DATE), INSTANT(Table.Kind.INSTANT),
        /** {@code 5000000000 (20 GWh); (20 GWh); 3000000000}: see {@link ContractFile}. */
        PHASES(Table.Kind.TEXT),
        /** {@code provincial-key; municipal-key}. */
        CODES(Table.Kind.TEXT);

        final Table.Kind written;

        Cell(Table.Kind written) {
            this.written = written;
        }
    }

    /** The contract's columns, which the import reads and the templates hold. */
    static final List<ProjectColumn> CONTRACT = Arrays.stream(values()).filter(c -> c.imported).toList();

    /** The longest header cell the import looks at: anything longer names no column. */
    static final int MAX_HEADER = 100;

    final String key;
    final String zh;
    final Cell cell;
    /** A member of the contract that the import reads; the others are Landfall's own (code, stage, ...). */
    final boolean imported;
    private final Function<ProjectView, Object> value;

    ProjectColumn(String key, String zh, Cell cell, boolean imported, Function<ProjectView, Object> value) {
        this.key = key;
        this.zh = zh;
        this.cell = cell;
        this.imported = imported;
        this.value = value;
    }

    Object value(ProjectView project) {
        return value.apply(project);
    }

    String title(Language language) {
        return language.pick(key, zh);
    }

    /** Both names, as the templates' header writes them and the import reads them back. */
    String bilingual() {
        return zh + " / " + key;
    }

    Table.Column column(String title) {
        return new Table.Column(title, cell.written);
    }

    /**
     * The column a header cell names: its key (any capitalisation), its Chinese name, or both separated by a
     * {@code /}; full-width forms and spaces do not count. Empty when it names none, or two different ones.
     */
    static Optional<ProjectColumn> named(String header) {
        if (header.length() > MAX_HEADER) {
            return Optional.empty();
        }
        int slash = header.indexOf('/');
        if (slash < 0) {
            return byName(header);
        }
        Optional<ProjectColumn> first = byName(header.substring(0, slash));
        return first.isPresent() && first.equals(byName(header.substring(slash + 1))) ? first : Optional.empty();
    }

    private static Optional<ProjectColumn> byName(String name) {
        String n = normal(name);
        return Arrays.stream(values()).filter(c -> normal(c.key).equals(n) || normal(c.zh).equals(n)).findFirst();
    }

    /** NFKC (full-width brackets and letters as their ASCII), without spaces, lower case. */
    private static String normal(String name) {
        StringBuilder s = new StringBuilder();
        Normalizer.normalize(name, Normalizer.Form.NFKC).codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).forEach(s::appendCodePoint);
        return s.toString().toLowerCase(Locale.ROOT);
    }

    /** The phases as the import reads them: {@code 5000000000 (20 GWh); 5000000000 (20 GWh)}. */
    static String phases(List<ProjectSnapshot.Phase> phases) {
        if (phases == null || phases.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (ProjectSnapshot.Phase p : phases) {
            if (!s.isEmpty()) {
                s.append("; ");
            }
            if (p.investment() != null) {
                s.append(p.investment().stripTrailingZeros().toPlainString());
            }
            Amount capacity = p.capacity();
            if (capacity != null) {
                s.append(p.investment() == null ? "(" : " (").append(capacity.value().stripTrailingZeros().toPlainString())
                        .append(' ').append(capacity.unit()).append(')');
            }
        }
        return s.toString();
    }
}
