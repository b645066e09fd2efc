package org.landfall.intake.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.landfall.intake.domain.Contract;

/**
 * The stored projects' duplicate keys, computed again as a new contract's is ({@link Contract#duplicateKey}). Two
 * projects that the new key finds to be one (a full-width twin that slipped past the old key) both stay: the earlier
 * keeps the key, the later its own key followed by its id, so that neither blocks the other's corrections.
 */
public final class StoredDuplicateKeys {

    private StoredDuplicateKeys() {
    }

    /** Recomputes every project's key on {@code connection}; returns how many changed. */
    public static int recompute(Connection connection) throws SQLException {
        Map<UUID, String> changed = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, investor, name, signed_on, duplicate_key from project order by created_at, id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                String key = Contract.duplicateKey(rows.getString(2), rows.getString(3), rows.getObject(4, java.time.LocalDate.class));
                if (!taken.add(key)) {
                    key = key + "|" + id;
                }
                if (!key.equals(rows.getString(5))) {
                    changed.put(id, key);
                }
            }
        }
        // first out of the way (an id is no key: keys hold '|'), then in place, so no two rows hold one key meanwhile
        for (boolean placeholder : new boolean[] {true, false}) {
            try (PreparedStatement update = connection.prepareStatement("update project set duplicate_key = ? where id = ?")) {
                for (Map.Entry<UUID, String> e : changed.entrySet()) {
                    update.setString(1, placeholder ? e.getKey().toString() : e.getValue());
                    update.setObject(2, e.getKey());
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        return changed.size();
    }
}
