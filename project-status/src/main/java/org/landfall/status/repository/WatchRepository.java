package org.landfall.status.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.events.Stage;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlStatement;
import org.landfall.platform.problem.Languages;
import org.landfall.platform.problem.Text;
import org.landfall.regions.Region;
import org.landfall.status.domain.watch.Level;
import org.landfall.status.domain.watch.ReasonCode;
import org.landfall.status.domain.watch.Window;

/**
 * The watch-list windows of every project ({@code watch_reason}), and the watch list they make on a given day. A
 * window is stored with its first day and its first red day, so that the list of any day is one query.
 */
@ApplicationScoped
public class WatchRepository {

    /** A project on the list: what the list shows of it and its level that day. */
    public record Listed(UUID projectId, String code, String name, String province, String city, String district,
                         String regionCode, Stage stage, Level level) {
    }

    @Inject
    Jdbc jdbc;

    /** Replaces the windows of each project of {@code windows} by those it maps it to (none: off the list). */
    public void replace(Map<UUID, List<Window>> windows) {
        if (windows.isEmpty()) {
            return;
        }
        jdbc.sql("delete from watch_reason where project_id = any(?)",
                Jdbc.array("uuid", windows.keySet().toArray())).update();
        List<Object[]> rows = new ArrayList<>();
        windows.forEach((project, list) -> list.forEach(w ->
                rows.add(new Object[] {project, w.code().name(), w.since(), w.redFrom(), w.detail().in(Languages.ENGLISH),
                        w.detail().in(Languages.CHINESE)})));
        jdbc.sql("insert into watch_reason (project_id, code, since, red_from, detail, detail_zh) values (?, ?, ?, ?, ?, ?)")
                .batch(rows, Arrays::asList);
    }

    /**
     * One page of the projects that need attention on {@code today}, worst first: red before yellow, then the one
     * whose worst reasons began the earliest, then by code (and id, for a stable order).
     */
    public List<Listed> page(WatchFilter filter, LocalDate today, int page, int size) {
        SqlStatement sql = jdbc.sql("select p.id, p.code, p.name, p.province, p.city, p.district, p.region_code, p.stage, "
                + "coalesce(bool_or(w.red_from <= ?), false) as red, "
                + "coalesce(min(w.since) filter (where w.red_from <= ?), min(w.since)) as worst_since ", today, today);
        listed(sql, filter, today);
        sql.append(" order by red desc, worst_since, p.code, p.id limit ? offset ?", size, (long) page * size);
        return sql.list(r -> new Listed(r.uuid("id"), r.string("code"), r.string("name"), r.string("province"),
                r.string("city"), r.string("district"), r.string("region_code"), Stage.valueOf(r.string("stage")),
                r.bool("red") ? Level.RED : Level.YELLOW));
    }

    public long count(WatchFilter filter, LocalDate today) {
        SqlStatement sql = jdbc.sql("select count(*) as n from (select p.id ");
        listed(sql, filter, today);
        return sql.append(") listed").single(r -> r.longValue("n"));
    }

    /** The windows of these projects that have begun by {@code today}, per project, their details in {@code language}. */
    public Map<UUID, List<Window>> begun(Collection<UUID> projectIds, LocalDate today, Locale language) {
        record Row(UUID project, Window window) {
        }
        Map<UUID, List<Window>> out = new LinkedHashMap<>();
        String detail = language.equals(Languages.CHINESE) ? "coalesce(detail_zh, detail)" : "detail";
        jdbc.sql("select project_id, code, since, red_from, " + detail + " as detail from watch_reason "
                        + "where project_id = any(?) and since <= ?", Jdbc.array("uuid", projectIds.toArray()), today)
                .list(r -> new Row(r.uuid("project_id"), new Window(ReasonCode.valueOf(r.string("code")), r.date("since"),
                        r.date("red_from"), Text.said(r.string("detail")))))
                .forEach(row -> out.computeIfAbsent(row.project(), k -> new ArrayList<>()).add(row.window()));
        return out;
    }

    /** The projects whose windows were computed by rules older than {@code version}, locked for this transaction. */
    public List<UUID> stale(int version, int limit) {
        return jdbc.sql("select id from project where watch_version < ? order by id limit ? for update skip locked",
                version, limit).list(r -> r.uuid("id"));
    }

    private static final List<String> LEVELS = List.of("province", "city", "district");

    /** The projects of the place of {@code code} and of every place inside it: codes nest by their digits. */
    private static void within(SqlStatement sql, String code) {
        String prefix = Region.codePrefix(code);
        sql.append("p.region_code between ? and ?", prefix + "0".repeat(6 - prefix.length()),
                prefix + "9".repeat(6 - prefix.length()));
    }

    /** From, where, group by and having of the listed projects: those with a window begun by {@code today}. */
    private static void listed(SqlStatement sql, WatchFilter f, LocalDate today) {
        sql.append("from project p join watch_reason w on w.project_id = p.id and w.since <= ? where true", today);
        List<String[]> names = new ArrayList<>();
        for (var place : new String[][] {{"province", f.province()}, {"city", f.city()}, {"district", f.district()}}) {
            if (place[1] != null) {
                names.add(place);
            }
        }
        if (!names.isEmpty()) {
            // the names as given, or the place they resolve to and the names below it (a city of no code in a province)
            sql.append(" and ((true");
            names.forEach(n -> sql.append(" and lower(p." + n[0] + ") = lower(?)", n[1]));
            sql.append(")");
            if (f.named() != null) {
                sql.append(" or (");
                within(sql, f.named().region().code());
                names.stream().filter(n -> LEVELS.indexOf(n[0]) >= f.named().levels())
                        .forEach(n -> sql.append(" and lower(p." + n[0] + ") = lower(?)", n[1]));
                sql.append(")");
            }
            sql.append(")");
        }
        if (f.regionCode() != null) {
            sql.append(" and ");
            within(sql, f.regionCode());
        }
        if (!f.within().isWholeCountry()) {
            sql.append(" and ");
            within(sql, f.within().code());
        }
        if (f.sector() != null) {
            sql.append(" and lower(p.sector) = lower(?)", f.sector());
        }
        if (f.designations() != null && !f.designations().isEmpty()) {
            sql.append(" and p.designations && ?", Jdbc.array("varchar", f.designations().toArray()));
        }
        if (f.reasons() != null && !f.reasons().isEmpty()) {
            sql.append(" and exists (select 1 from watch_reason x where x.project_id = p.id and x.since <= ? "
                    + "and x.code = any(?))", today, Jdbc.array("text", f.reasons().stream().map(Enum::name).toArray()));
        }
        sql.append(" group by p.id");
        if (f.level() != null) {
            sql.append(" having coalesce(bool_or(w.red_from <= ?), false) = ?", today, f.level() == Level.RED);
        }
    }
}
