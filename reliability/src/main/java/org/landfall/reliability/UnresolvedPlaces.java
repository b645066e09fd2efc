package org.landfall.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The projects whose place matches no GB/T 2260 code (intake's {@code region_code} is null): names outside the
 * catalogue, misspelt or contradicting each other, which a correction giving the right names or a
 * {@code regionCode} fixes. One line each, tab-separated: code, province, city, district (empty when none), id;
 * ordered by code. {@code ./landfall places}.
 *
 * <pre>
 * java -cp reliability/target/reliability.jar org.landfall.reliability.UnresolvedPlaces --intake-jdbc URL [--db-user U] [--db-password P]
 * </pre>
 */
public final class UnresolvedPlaces {

    static final String USAGE = "--intake-jdbc URL [--db-user U] [--db-password P]";

    /** A project as intake stores it, by its place. */
    record Project(String code, String province, String city, String district, UUID id) {

        /** The project's line: its fields separated by tabs (intake refuses control characters in names). */
        String line() {
            return String.join("\t", code, province, city, Objects.requireNonNullElse(district, ""), id.toString());
        }
    }

    private UnresolvedPlaces() {
    }

    static List<Project> read(String intakeJdbc, String user, String password) throws SQLException {
        List<Project> projects = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(intakeJdbc, user, password); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select code, province, city, district, id from project "
                     + "where region_code is null order by code")) {
            while (r.next()) {
                projects.add(new Project(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                        r.getObject(5, UUID.class)));
            }
        }
        return projects;
    }

    public static void main(String[] args) throws SQLException {
        Map<String, String> o = Options.parse(args, "places", USAGE, List.of("intake-jdbc"));
        List<Project> projects = read(o.get("intake-jdbc"), o.getOrDefault("db-user", "landfall"),
                o.getOrDefault("db-password", ""));
        projects.forEach(p -> System.out.println(p.line()));
        System.err.println(projects.size() + (projects.size() == 1 ? " project's place matches" : " projects' places match")
                + " no GB/T 2260 code");
    }
}
