package org.landfall.intake.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.intake.domain.Correction;
import org.landfall.platform.jdbc.Jdbc;

@ApplicationScoped
public class CorrectionRepository implements PanacheRepositoryBase<Correction, UUID> {

    @Inject
    Jdbc jdbc;

    public List<Correction> ofProject(UUID projectId) {
        return list("projectId", Sort.ascending("revision"), projectId);
    }

    /** When each of {@code projectIds} that has corrections was last corrected. */
    public Map<UUID, Instant> lastCorrectedAt(Collection<UUID> projectIds) {
        Map<UUID, Instant> last = new HashMap<>();
        if (projectIds.isEmpty()) {
            return last;
        }
        jdbc.sql("select project_id, max(corrected_at) as last from project_correction where project_id = any(?) "
                + "group by project_id", Jdbc.array("uuid", projectIds.toArray()))
                .list(r -> last.put(r.uuid("project_id"), r.instant("last")));
        return last;
    }
}
