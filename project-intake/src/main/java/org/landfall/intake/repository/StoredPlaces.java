package org.landfall.intake.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.landfall.regions.PlaceNames;
import org.landfall.regions.PlaceResolver;
import org.landfall.regions.Region;

/**
 * The stored projects without a region code, resolved by their names as a new contract's would be (without a
 * code: {@link PlaceResolver#resolve}). Only the code is written; names, revision and events stay as they are. Those
 * that do not resolve keep no code ({@code ./landfall places} lists them).
 */
public final class StoredPlaces {

    private StoredPlaces() {
    }

    /** Resolves every project without a code on {@code connection}; returns how many got one. */
    public static int resolve(Connection connection) throws SQLException {
        Map<UUID, String> codes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, province, city, district from project where region_code is null");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                PlaceNames names = new PlaceNames(rows.getString(2), rows.getString(3), rows.getString(4));
                PlaceResolver.gbt2260().resolve(names).map(Region::code).ifPresent(code -> codes.put(id, code));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update project set region_code = ? where id = ? and region_code is null")) {
            for (Map.Entry<UUID, String> e : codes.entrySet()) {
                update.setString(1, e.getValue());
                update.setObject(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
        return codes.size();
    }
}
