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
import org.landfall.intake.domain.Correction;

@ApplicationScoped
public class CorrectionRepository implements PanacheRepositoryBase<Correction, UUID> {

    public List<Correction> ofProject(UUID projectId) {
        return list("projectId", Sort.ascending("revision"), projectId);
    }

    /** When each of {@code projectIds} that has corrections was last corrected. */
    public Map<UUID, Instant> lastCorrectedAt(Collection<UUID> projectIds) {
        Map<UUID, Instant> last = new HashMap<>();
        if (projectIds.isEmpty()) {
            return last;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select project_id, max(corrected_at) "
                        + "from project_correction where project_id in (:ids) group by project_id")
                .setParameter("ids", projectIds).getResultList();
        rows.forEach(r -> last.put((UUID) r[0], StageRepository.instant(r[1])));
        return last;
    }
}
