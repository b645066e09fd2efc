package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.landfall.intake.repository.StoredPlaces;

/**
 * Gives the projects stored before places had codes the code of their names, once, in Flyway's transaction and
 * under its lock (so that replicas starting together resolve them once). Publishes nothing: reporting resolves
 * the names of older events itself, with the same catalogue (docs/decisions.md, 28). Flyway's package for Java
 * migrations, beside the SQL ones of {@code db/migration}; the work is {@link StoredPlaces}'.
 */
public class V7__Resolve_stored_places extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        StoredPlaces.resolve(context.getConnection());
    }
}
