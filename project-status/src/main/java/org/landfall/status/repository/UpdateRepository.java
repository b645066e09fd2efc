package org.landfall.status.repository;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.landfall.status.domain.StatusUpdate;

@ApplicationScoped
public class UpdateRepository implements PanacheRepositoryBase<StatusUpdate, UUID> {

    /** A project's updates in the order they became true: by effective date, then as they arrived. */
    public List<StatusUpdate> history(UUID projectId) {
        return list("projectId = ?1 order by effectiveOn, seq", projectId);
    }
}
