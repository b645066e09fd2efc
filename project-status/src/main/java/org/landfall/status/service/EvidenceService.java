package org.landfall.status.service;

import org.landfall.status.domain.StatusText;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.platform.idempotency.IdempotencyKeys;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.status.domain.evidence.Photo;
import org.landfall.status.repository.EvidenceRepository;
import org.landfall.status.repository.ProjectRepository;
import org.landfall.status.repository.UpdateRepository;

/** The photos inspectors attach to their updates: checked by content, stored with their bytes, served back. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class EvidenceService {

    @Inject
    UpdateRepository updates;

    @Inject
    EvidenceRepository evidence;

    @Inject
    ProjectRepository projects;

    @Inject
    Clock clock;

    /**
     * Stores a photo of update {@code updateId} of project {@code projectId} (404 if there is no such update), or
     * refuses it and stores nothing (413, 415, 422: see {@link Photo#read}). The same bytes on the same update
     * again answer the photo already stored.
     */
    public EvidenceRepository.Evidence attach(UUID projectId, UUID updateId, byte[] bytes, String inspector,
                                              Jurisdiction jurisdiction) {
        if (updates.find("id = ?1 and projectId = ?2", updateId, projectId).firstResultOptional().isEmpty()) {
            throw ProblemException.notFound(StatusText.NO_UPDATE_OF_PROJECT.with(projectId, updateId));
        }
        jurisdiction.requireProject(projects.findById(projectId).regionCode());
        Photo photo = Photo.read(bytes, clock.getZone());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return evidence.add(new EvidenceRepository.Evidence(UUID.randomUUID(), projectId, updateId, photo.contentType(),
                bytes.length, IdempotencyKeys.sha256(bytes), photo.takenAt(),
                photo.location() == null ? null : photo.location().latitude(),
                photo.location() == null ? null : photo.location().longitude(), now, inspector), bytes);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public EvidenceRepository.Content content(UUID projectId, UUID updateId, UUID evidenceId) {
        return evidence.content(projectId, updateId, evidenceId).orElseThrow(() -> ProblemException.notFound(
                StatusText.NO_PHOTO_OF_UPDATE.with(updateId, projectId, evidenceId)));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> idsByUpdate(UUID projectId) {
        return evidence.idsByUpdate(projectId);
    }
}
