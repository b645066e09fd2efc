package org.landfall.intake.repository;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.events.TargetSet;
import org.landfall.intake.domain.Target;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlRow;
import org.landfall.platform.jdbc.SqlStatement;

/** Every set of a place's annual targets, kept in the order accepted; a place's targets are the last set for it. */
@ApplicationScoped
public class TargetRepository {

    private static final String COLUMNS = "year, province, city, district, signed_count, signed_value, starts, "
            + "investment_completed, jobs_created, recorded_at, recorded_by";

    @Inject
    Jdbc jdbc;

    /**
     * Serialises the setters of one place's targets for a year until the end of their transactions (there may be
     * no row to lock yet), so that their events leave in the order they were accepted.
     */
    public void lock(int year, String placeKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))", "target/" + year + "/" + placeKey).execute();
    }

    public void add(TargetSet e, String placeKey) {
        jdbc.sql("insert into target (event_id, place_key, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.eventId(), placeKey, e.year(), e.province(), e.city(), e.district(), e.signedCount(), e.signedValue(),
                e.starts(), e.investmentCompleted(), e.jobsCreated(), e.recordedAt(), e.recordedBy()).update();
    }

    public Optional<Target> of(int year, String placeKey) {
        return jdbc.sql("select " + COLUMNS + " from target where year = ? and place_key = ? order by seq desc limit 1",
                year, placeKey).list(TargetRepository::target).stream().findFirst();
    }

    /**
     * The targets of {@code year} of the places whose given parts match (case-insensitively; a null part matches
     * any), ordered by place: a province before its cities, a city before its districts.
     */
    public List<Target> find(int year, String province, String city, String district) {
        SqlStatement sql = jdbc.sql("select * from (select distinct on (place_key) " + COLUMNS
                + " from target where year = ?", year);
        part(sql, "province", province);
        part(sql, "city", city);
        part(sql, "district", district);
        return sql.append(" order by place_key, seq desc) t "
                        + "order by lower(province), lower(city) nulls first, lower(district) nulls first")
                .list(TargetRepository::target);
    }

    private static void part(SqlStatement sql, String column, String value) {
        if (value != null) {
            sql.append(" and lower(" + column + ") = ?", value.toLowerCase(Locale.ROOT));
        }
    }

    private static Target target(SqlRow r) throws SQLException {
        return new Target(r.integer("year"), r.string("province"), r.string("city"), r.string("district"),
                r.longValue("signed_count"), r.decimal("signed_value"), r.longValue("starts"),
                r.decimal("investment_completed"), r.longValue("jobs_created"), r.instant("recorded_at"),
                r.string("recorded_by"));
    }
}
