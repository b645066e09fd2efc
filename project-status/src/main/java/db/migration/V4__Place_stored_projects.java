package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.landfall.regions.PlaceNames;
import org.landfall.regions.Region;
import org.landfall.regions.Regions;

/**
 * Gives the projects status learnt before it kept codes the code of their names, as reports place a contract whose
 * event carries none (the snapshots' own codes were not kept); the next snapshot of a project brings intake's. Once,
 * in Flyway's transaction and under its lock, one statement per distinct place.
 */
public class V4__Place_stored_projects extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement places = context.getConnection().createStatement();
             ResultSet names = places.executeQuery("select distinct province, city, district from project");
             PreparedStatement coded = context.getConnection().prepareStatement("update project set region_code = ? "
                     + "where province = ? and city = ? and district is not distinct from ? and region_code is null")) {
            while (names.next()) {
                String province = names.getString(1), city = names.getString(2), district = names.getString(3);
                String code = Regions.gbt2260().placeOf(new PlaceNames(province, city, district), null)
                        .map(Region::code).orElse(null);
                if (code != null) {
                    coded.setString(1, code);
                    coded.setString(2, province);
                    coded.setString(3, city);
                    coded.setString(4, district);
                    coded.addBatch();
                }
            }
            coded.executeBatch();
        }
    }
}
