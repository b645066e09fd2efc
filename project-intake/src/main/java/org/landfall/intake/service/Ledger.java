package org.landfall.intake.service;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.intake.domain.Project;
import org.landfall.intake.repository.ProjectFilter;
import org.landfall.intake.repository.ProjectRepository;
import org.landfall.intake.domain.IntakeText;
import org.landfall.platform.problem.ProblemException;

/**
 * The project ledger (台账): every project a search finds, not a page of them, for a spreadsheet. At most
 * {@code landfall.ledger.max-rows}; the rows are read a page at a time, so the heap holds one page, and all from one
 * snapshot of the database, so that a project corrected or signed meanwhile is neither missed nor listed twice.
 */
@ApplicationScoped
public class Ledger {

    static final int PAGE = 500;

    @Inject
    ProjectRepository projects;

    @Inject
    Dossiers dossiers;

    @Inject
    IntakeConfig config;

    /** Hands each project {@code filter} finds to {@code row}, in the listing's order. */
    @Transactional
    public void each(ProjectFilter filter, Consumer<Dossiers.Dossier> row) {
        // The transaction's first statement: later pages see the database as the count did.
        projects.getEntityManager().createNativeQuery("set transaction isolation level repeatable read, read only")
                .executeUpdate();
        long total = projects.count(filter);
        int max = config.ledger().maxRows();
        if (total > max) {
            throw ProblemException.unprocessable(IntakeText.LEDGER_TOO_LARGE.with(max, total), List.of());
        }
        for (int page = 0; (long) page * PAGE < total; page++) {
            List<Project> found = projects.search(filter, page, PAGE);
            dossiers.of(found).forEach(row);
            projects.getEntityManager().clear(); // what was written is on disk: let the page go
        }
    }
}
