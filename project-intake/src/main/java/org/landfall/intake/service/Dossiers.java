package org.landfall.intake.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.events.ProjectSnapshot;
import org.landfall.events.Stage;
import org.landfall.intake.domain.Project;
import org.landfall.intake.domain.StageChange;
import org.landfall.intake.repository.CorrectionRepository;
import org.landfall.intake.repository.ProjectFilter;
import org.landfall.intake.repository.ProjectRepository;
import org.landfall.intake.repository.StageRepository;

/** A project with what intake learnt after the signing: its corrections' last date and its stage changes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Dossiers {

    /** A project at its latest revision, its stage changes oldest first, and when it was last corrected (or null). */
    public record Dossier(ProjectSnapshot project, List<StageChange> stageChanges, Instant lastCorrectedAt) {

        /** SIGNED until project-status reports a stage change. */
        public Stage stage() {
            return stageChanges.isEmpty() ? Stage.SIGNED : stageChanges.get(stageChanges.size() - 1).stage();
        }

        /** The last time anything intake knows of the project changed. */
        public Instant updated() {
            return Stream.concat(Stream.of(project.createdAt(), lastCorrectedAt),
                            stageChanges.stream().map(StageChange::recordedAt))
                    .filter(Objects::nonNull).max(Instant::compareTo).orElseThrow();
        }
    }

    @Inject
    ProjectRepository projects;

    @Inject
    CorrectionRepository corrections;

    @Inject
    StageRepository stages;

    public Optional<Dossier> of(UUID id) {
        return projects.findByIdOptional(id).map(p -> of(List.of(p)).get(0));
    }

    /** The dossiers of the projects the search finds, in its order. */
    public List<Dossier> search(ProjectFilter filter, int page, int size) {
        return of(projects.search(filter, page, size));
    }

    public List<Dossier> of(List<Project> found) {
        List<UUID> ids = found.stream().map(p -> p.id).toList();
        Map<UUID, List<StageChange>> changes = stages.of(ids);
        Map<UUID, Instant> corrected = corrections.lastCorrectedAt(ids);
        return found.stream().map(p -> new Dossier(p.snapshot(), changes.getOrDefault(p.id, List.of()),
                corrected.get(p.id))).toList();
    }
}
