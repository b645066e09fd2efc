package org.landfall.intake.repository;

import java.util.List;
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
}
