package org.landfall.status.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.landfall.status.domain.Blocker;

@ApplicationScoped
public class BlockerRepository implements PanacheRepositoryBase<Blocker, UUID> {

    /** A project's blockers in the order they were raised. */
    public List<Blocker> ofProject(UUID projectId) {
        return list("projectId = ?1 order by raisedOn, seq", projectId);
    }

    /** The blockers of these projects that are not resolved. */
    public List<Blocker> open(Collection<UUID> projectIds) {
        return list("projectId in ?1 and resolvedOn is null order by raisedOn, seq", projectIds);
    }

    /** The blocker of that project (a blocker of another project is none). */
    public Optional<Blocker> of(UUID projectId, UUID blockerId) {
        return find("id = ?1 and projectId = ?2", blockerId, projectId).firstResultOptional();
    }
}
