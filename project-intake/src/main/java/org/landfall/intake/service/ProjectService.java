package org.landfall.intake.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.events.ProjectSigned;
import org.landfall.intake.domain.Project;
import org.landfall.intake.domain.ProjectCodes;
import org.landfall.intake.repository.ProjectRepository;
import org.landfall.intake.rest.NewProject;
import org.landfall.platform.outbox.Outbox;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProjectService {

    @Inject
    ProjectRepository projects;

    @Inject
    Outbox outbox;

    /** Stores a signed contract and, in the same transaction, its {@code project.signed} event. */
    public Project sign(NewProject request, String officer) {
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.revision = 1;
        p.name = request.name().strip();
        p.investor = request.investor().strip();
        p.province = request.province().strip();
        p.city = request.city().strip();
        p.district = request.district() == null ? null : request.district().strip();
        p.sector = request.sector();
        p.signedOn = request.signedOn();
        p.contractValue = request.contractValue();
        p.plannedJobs = request.plannedJobs();
        p.plannedCapacity = request.plannedCapacity();
        p.phases = request.phases();
        p.plannedStartOn = request.plannedStartOn();
        p.plannedOperationalOn = request.plannedOperationalOn();
        p.source = request.source();
        p.duplicateKey = Project.duplicateKey(p.investor, p.name, p.signedOn);
        p.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        p.createdBy = officer;
        String prefix = ProjectCodes.prefix(p.province);
        p.code = ProjectCodes.format(prefix, p.signedOn.getYear(), projects.nextCodeNumber(prefix, p.signedOn.getYear()));
        projects.persist(p);
        outbox.add(ProjectSigned.of(p.snapshot()));
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Project> find(UUID id) {
        return projects.findByIdOptional(id);
    }
}
