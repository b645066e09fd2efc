package org.landfall.intake.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.events.ProjectPlanSet;
import org.landfall.events.TargetSet;
import org.landfall.intake.domain.AnnualPlan;
import org.landfall.intake.domain.PlanYears;
import org.landfall.intake.domain.Target;
import org.landfall.intake.repository.PlanRepository;
import org.landfall.intake.repository.ProjectRepository;
import org.landfall.intake.repository.TargetRepository;
import org.landfall.platform.outbox.Outbox;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.security.Jurisdiction;

/**
 * Sets the projects' annual plans and the places' annual targets: each accepted change is kept with who and when
 * and publishes its event through the outbox, in one transaction. Setting what is already set changes nothing
 * and publishes nothing: the answer is the plan or targets as they stand (a retried PUT is harmless).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class PlanService {

    @Inject
    PlanRepository plans;

    @Inject
    TargetRepository targets;

    @Inject
    ProjectRepository projects;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Sets a project's plan of a year; the project must lie in the officer's jurisdiction (403). */
    public AnnualPlan setPlan(UUID projectId, int year, BigDecimal plannedInvestment, boolean startPlanned,
                              String officer, Jurisdiction jurisdiction) {
        refuse(PlanYears.refuses(year).stream().toList());
        if (!plans.lockProject(projectId)) {
            throw ProjectService.noProject(projectId);
        }
        jurisdiction.requireProject(projects.findById(projectId).regionCode);
        Optional<AnnualPlan> current = plans.of(projectId, year);
        if (current.isPresent() && current.get().says(plannedInvestment, startPlanned)) {
            return current.get();
        }
        ProjectPlanSet event = ProjectPlanSet.of(projectId, year, plannedInvestment, startPlanned,
                ProjectService.now(clock), officer);
        plans.add(event);
        outbox.add(event);
        return AnnualPlan.of(event);
    }

    /** The project's plan of each year it has one for, by year. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AnnualPlan> plans(UUID projectId) {
        if (projects.findByIdOptional(projectId).isEmpty()) {
            throw ProjectService.noProject(projectId);
        }
        return plans.ofProject(projectId);
    }

    /** Replaces the targets of {@code proposed}'s place and year with its figures (recordedAt and By are set here). */
    public Target setTarget(Target proposed, String admin) {
        refuse(proposed.check());
        String place = proposed.placeKey();
        targets.lock(proposed.year(), place);
        Optional<Target> current = targets.of(proposed.year(), place);
        if (current.isPresent() && current.get().sameAs(proposed)) {
            return current.get();
        }
        TargetSet event = proposed.event(ProjectService.now(clock), admin);
        targets.add(event, place);
        outbox.add(event);
        return Target.of(event);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Target> targets(int year, String province, String city, String district) {
        refuse(PlanYears.refuses(year).stream().toList());
        return targets.find(year, province, city, district);
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
    }
}
