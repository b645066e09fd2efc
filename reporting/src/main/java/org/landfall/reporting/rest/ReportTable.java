package org.landfall.reporting.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.landfall.events.Stage;
import org.landfall.platform.sheet.Language;
import org.landfall.platform.sheet.Table;
import org.landfall.reporting.domain.Figure;
import org.landfall.reporting.domain.GroupBy;
import org.landfall.reporting.domain.ReportRow;
import org.landfall.reporting.domain.YearFigures;

/**
 * The report as a table, for CSV and .xlsx: a header, one row a report row, flat column names (English: the snake
 * case of the JSON's; Chinese when asked). Counts are whole numbers, amounts yuan, the year-on-year changes, rates
 * and target completions fractions (percentages in a workbook), empty where the row cannot say.
 */
final class ReportTable {

    private static final List<Figure> SHOWN = Arrays.stream(Figure.values()).filter(Figure::shown).toList();
    private static final List<YearFigures.Flow> TARGETED = Arrays.stream(YearFigures.Flow.values()).filter(f -> f.targeted).toList();

    /** After the quarter and the group: the catalogue's figures, the year blocks, the stages, when the row changed. */
    private static final List<Column> FIGURES = Stream.of(
            SHOWN.stream().map(f -> new Column(f.csv, kind(f))),
            Arrays.stream(YearFigures.Flow.values()).map(f -> new Column("ytd_" + snake(f.json), kind(f.figure))),
            Arrays.stream(YearFigures.Flow.values()).map(f -> new Column("yoy_" + snake(f.json), Table.Kind.FRACTION)),
            Arrays.stream(YearFigures.Rate.values()).map(r -> new Column(snake(r.json), Table.Kind.FRACTION)),
            TARGETED.stream().map(f -> new Column("target_completion_" + snake(f.json), Table.Kind.FRACTION)),
            Arrays.stream(Stage.values()).map(s -> new Column("eoq_" + s.name().toLowerCase(Locale.ROOT), Table.Kind.INTEGER)),
            Stream.of(new Column("updated_at", Table.Kind.INSTANT))).flatMap(x -> x).toList();

    /** The Chinese header of each column, by its English one; a column not named here keeps its English header. */
    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("quarter", "季度"), Map.entry("province", "省份"), Map.entry("city", "城市"),
            Map.entry("district", "区县"), Map.entry("sector", "行业"), Map.entry("park", "园区"),
            Map.entry("region_code", "行政区划代码"), Map.entry("region_name", "行政区划名称"),
            Map.entry("signed_count", "签约项目数"), Map.entry("signed_contract_value", "签约金额（元）"),
            Map.entry("signed_planned_jobs", "签约项目计划用工人数"),
            Map.entry("started_count", "开工项目数"), Map.entry("started_contract_value", "开工项目合同金额（元）"),
            Map.entry("operational_count", "投产项目数"), Map.entry("operational_contract_value", "投产项目合同金额（元）"),
            Map.entry("suspended_count", "停工项目数"), Map.entry("suspended_contract_value", "停工项目合同金额（元）"),
            Map.entry("cancelled_count", "取消项目数"), Map.entry("cancelled_contract_value", "取消项目合同金额（元）"),
            Map.entry("investment_completed", "完成投资（元）"), Map.entry("funds_in_place", "到位资金（元）"),
            Map.entry("jobs_created", "新增就业人数"),
            Map.entry("planned_count", "年度计划项目数"), Map.entry("planned_investment", "年度计划投资（元）"),
            Map.entry("planned_starts", "计划开工项目数"), Map.entry("planned_started_count", "计划项目已开工数"),
            Map.entry("planned_started_investment", "已开工计划项目计划投资（元）"),
            Map.entry("ytd_signed_count", "累计签约项目数"), Map.entry("ytd_signed_value", "累计签约金额（元）"),
            Map.entry("ytd_starts", "累计开工项目数"), Map.entry("ytd_operational", "累计投产项目数"),
            Map.entry("ytd_investment_completed", "累计完成投资（元）"), Map.entry("ytd_funds_in_place", "累计到位资金（元）"),
            Map.entry("ytd_jobs_created", "累计新增就业人数"),
            Map.entry("yoy_signed_count", "累计签约项目数同比"), Map.entry("yoy_signed_value", "累计签约金额同比"),
            Map.entry("yoy_starts", "累计开工项目数同比"), Map.entry("yoy_operational", "累计投产项目数同比"),
            Map.entry("yoy_investment_completed", "累计完成投资同比"), Map.entry("yoy_funds_in_place", "累计到位资金同比"),
            Map.entry("yoy_jobs_created", "累计新增就业人数同比"),
            Map.entry("start_rate", "开工率"), Map.entry("investment_completion_rate", "投资完成率"),
            Map.entry("fulfilment_rate", "履约率"),
            Map.entry("target_completion_signed_count", "签约项目数目标完成率"),
            Map.entry("target_completion_signed_value", "签约金额目标完成率"),
            Map.entry("target_completion_starts", "开工项目数目标完成率"),
            Map.entry("target_completion_investment_completed", "完成投资目标完成率"),
            Map.entry("target_completion_jobs_created", "新增就业人数目标完成率"),
            Map.entry("eoq_signed", "季末已签约未开工项目数"), Map.entry("eoq_started", "季末在建项目数"),
            Map.entry("eoq_operational", "季末已投产项目数"), Map.entry("eoq_suspended", "季末停工项目数"),
            Map.entry("eoq_cancelled", "季末已取消项目数"), Map.entry("updated_at", "更新时间"));

    private record Column(String name, Table.Kind kind) {
    }

    private ReportTable() {
    }

    /**
     * The header of a report grouped by {@code groupBy}, in {@code language}: the group's fields (the grouping's, and
     * for a place its {@code region_code} and {@code region_name}), then the figures.
     */
    static List<Table.Column> columns(GroupBy groupBy, Language language) {
        List<Table.Column> columns = new ArrayList<>();
        columns.add(new Table.Column(title("quarter", language), Table.Kind.TEXT));
        groupBy.fields.forEach(f -> columns.add(new Table.Column(title(snake(f), language), Table.Kind.TEXT)));
        FIGURES.forEach(c -> columns.add(new Table.Column(title(c.name(), language), c.kind())));
        return columns;
    }

    /** The cells of {@code row}, in the order of {@link #columns}. */
    static List<Object> cells(GroupBy groupBy, ReportRow row) {
        List<Object> cells = new ArrayList<>();
        cells.add(row.quarter());
        groupBy.fields.forEach(f -> cells.add(row.group().get(f)));
        for (Figure f : SHOWN) {
            cells.add(f.kind == Figure.Kind.COUNT ? (Object) row.figures().count(f) : row.figures().get(f));
        }
        YearFigures.Blocks year = row.year();
        year.ytd().forEach((flow, v) -> cells.add(flow.figure.kind == Figure.Kind.COUNT ? (Object) v.longValue() : v));
        year.yoy().values().forEach(v -> cells.add(fraction(v)));
        year.rates().values().forEach(v -> cells.add(fraction(v)));
        year.targetCompletion().values().forEach(v -> cells.add(fraction(v)));
        cells.addAll(row.endOfQuarter().values());
        cells.add(row.updatedAt());
        return cells;
    }

    private static String title(String column, Language language) {
        return language == Language.ZH ? ZH.getOrDefault(column, column) : column;
    }

    private static Table.Kind kind(Figure f) {
        return f.kind == Figure.Kind.COUNT ? Table.Kind.INTEGER : Table.Kind.AMOUNT;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    /** A rate as reports write it (1.0, 0.5, 0.1333); null where the row cannot say. */
    private static BigDecimal fraction(BigDecimal v) {
        return v == null ? null : YearFigures.written(v);
    }
}
