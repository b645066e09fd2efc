package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.landfall.intake.repository.StoredDuplicateKeys;

/**
 * Gives the projects stored before duplicate keys were NFKC-normalised the key a new contract of theirs would get,
 * once, in Flyway's transaction; the work is {@link StoredDuplicateKeys}'.
 */
public class V8__Normalise_duplicate_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        StoredDuplicateKeys.recompute(context.getConnection());
    }
}
