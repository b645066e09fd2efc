package org.landfall.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.landfall.events.ProjectCorrected;
import org.landfall.events.ProjectSigned;
import org.landfall.events.ProjectSnapshot;
import org.landfall.intake.domain.Contract;
import org.landfall.intake.domain.ContractRules;
import org.landfall.intake.domain.Correction;
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.domain.Places;
import org.landfall.intake.domain.Project;
import org.landfall.intake.domain.ProjectCodes;
import org.landfall.intake.repository.CorrectionRepository;
import org.landfall.intake.repository.ProjectFilter;
import org.landfall.intake.repository.ProjectRepository;
import org.landfall.intake.repository.StageRepository;
import org.landfall.platform.idempotency.IdempotencyKeys;
import org.landfall.platform.outbox.Outbox;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.ProblemText;
import org.landfall.platform.security.Jurisdiction;

/** Signs and corrects contracts: the rules, the duplicate and idempotency checks, the events, in one transaction. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ProjectService {

    /** The answer to a signing: the project at revision 1, and whether an earlier request already created it. */
    public record Signed(ProjectSnapshot project, boolean replayed) {
    }

    public record Found(List<Project> items, long total) {
    }

    @Inject
    ProjectRepository projects;

    @Inject
    CorrectionRepository corrections;

    @Inject
    IdempotencyKeys idempotencyKeys;

    @Inject
    StageRepository stages;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    /** "Today" for the rule that a contract cannot be signed in the future is in the officers' zone. */
    @Inject
    Clock clock;

    /**
     * A request to sign a contract, normalised and checked (pure work, done before any transaction), with who asks
     * and their idempotency key. Signings of one batch ({@link Signings}) are stored in the order of their codes'
     * sequences, so that concurrent batches take those rows' locks in one order.
     */
    public record Signing(Contract contract, Checked checked, String officer, Jurisdiction jurisdiction,
                          String idempotencyKey) {

        /** The code sequence this signing would draw from: prefix and year, or "" for a refused contract. */
        public String sequence() {
            return checked.errors().isEmpty()
                    ? ProjectCodes.prefix(checked.contract()) + "-" + checked.contract().signedOn().getYear() : "";
        }
    }

    /** Normalises and checks a request to sign: no database work, so it runs outside any transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Signing signing(Contract request, String officer, Jurisdiction jurisdiction, String idempotencyKey) {
        Contract contract = request.normalised();
        return new Signing(contract, check(contract), officer, jurisdiction, idempotencyKey);
    }

    /** {@link #signWithin} in a transaction of its own. */
    public Signed sign(Signing signing) {
        return signWithin(signing);
    }

    /**
     * Stores a signed contract and, in the same transaction, its {@code project.signed} event. With an
     * idempotency key, a repeated request gets the first one's answer and creates nothing. A contract whose place
     * lies outside the officer's jurisdiction is a 403. A refusal (a {@link ProblemException}) leaves the caller's
     * transaction usable: a batch of signings rolls back to its savepoint and goes on with the next. Before a refusal a
     * signing writes nothing but its idempotency key (the unique index's backstop aside, which fails the whole
     * transaction), which {@link Signings} relies on.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public Signed signWithin(Signing signing) {
        IdempotencyKeys.Outcome<ProjectSnapshot> outcome = idempotencyKeys.once(signing.officer(),
                signing.idempotencyKey(), signing.contract(), ProjectSnapshot.class, () -> {
                    Contract placed = accepted(signing.checked());
                    signing.jurisdiction().requireProject(placed.regionCode());
                    refuseDuplicate(placed.duplicateKey(), null);
                    return create(placed, signing.officer());
                });
        return new Signed(outcome.answer(), outcome.replayed());
    }

    /** A contract at its resolved place (see {@link Places}), and the rules it breaks: none if it may be stored. */
    public record Checked(Contract contract, List<FieldError> errors) {
    }

    /**
     * Resolves the place of a normalised contract and checks the rules across fields (and today's date). The
     * field-by-field rules are Bean Validation's, at the edge.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Checked check(Contract contract) {
        Places.Placement placement = Places.place(contract);
        List<FieldError> errors = new ArrayList<>(placement.errors());
        errors.addAll(ContractRules.check(contract, LocalDate.now(clock)));
        return new Checked(placement.contract(), List.copyOf(errors));
    }

    /**
     * The project that already has this investor, name and signing date, if any. Holds the key's lock until the
     * transaction ends, so that of two racing entries of one contract the second sees the first.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> existing(String duplicateKey) {
        projects.lockDuplicateKey(duplicateKey);
        return projects.findIdByDuplicateKey(duplicateKey);
    }

    /**
     * Stores a contract that passed {@link #check} and the duplicate check: a new project at revision 1 with the
     * next code of its province and year, and its {@code project.signed} event in the outbox.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ProjectSnapshot create(Contract contract, String officer) {
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.revision = 1;
        p.apply(contract);
        p.createdAt = now(clock);
        p.createdBy = officer;
        // The code is handed out last, so that a refused contract does not use up a number.
        String prefix = ProjectCodes.prefix(contract);
        int year = p.signedOn.getYear();
        p.code = ProjectCodes.format(prefix, year, projects.nextCodeNumber(prefix, year));
        store(p);
        // Nothing changes it again: kept managed, it would be dirty-checked by every later flush of the transaction,
        // and a batch of signings (Signings) flushes before each statement of each signing after it.
        projects.getEntityManager().detach(p);
        ProjectSnapshot snapshot = p.snapshot();
        outbox.add(ProjectSigned.of(snapshot));
        return snapshot;
    }

    /**
     * Applies a correction to the contract of project {@code id}: the corrected contract must pass every rule of
     * a new one. The code, the creation and the id never change; the revision goes up by one. The project must lie
     * in the officer's jurisdiction before and after (403): a correction moves nothing out of it, nor in from outside.
     */
    public Project correct(UUID id, String reason, String officer, Jurisdiction jurisdiction,
                           UnaryOperator<Contract> correction) {
        Project p = projects.findForUpdate(id).orElseThrow(() -> noProject(id));
        jurisdiction.requireProject(p.regionCode);
        Contract before = p.contract();
        Checked checked = check(correction.apply(before).normalised());
        Contract after = checked.contract();
        List<ContractDiff.FieldChange> changes = ContractDiff.between(before, after, mapper);
        if (changes.isEmpty()) {
            throw ProblemException.unprocessable("changes", IntakeText.CHANGES_NOTHING.with());
        }
        accepted(checked);
        jurisdiction.requireProject(after.regionCode());
        if (!after.signedOn().equals(before.signedOn())) {
            // The project's row lock holds back the consumer's next update of this project until this commits.
            stages.firstUpdate(id).flatMap(first -> first.refuses(after.signedOn())).ifPresent(error -> {
                throw ProblemException.unprocessable(error.message(), List.of(error));
            });
        }
        if (!after.duplicateKey().equals(p.duplicateKey)) {
            refuseDuplicate(after.duplicateKey(), id);
        }
        p.apply(after);
        p.revision++;
        Correction c = new Correction();
        c.id = UUID.randomUUID();
        c.projectId = id;
        c.revision = p.revision;
        c.correctedAt = now(clock);
        c.correctedBy = officer;
        c.reason = reason.strip();
        c.changes = json(changes);
        corrections.persist(c);
        store(p);
        List<String> fields = changes.stream().map(ContractDiff.FieldChange::field).toList();
        outbox.add(ProjectCorrected.of(p.snapshot(), c.reason, fields, c.correctedAt, officer));
        return p;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Found search(ProjectFilter filter, int page, int size) {
        return new Found(projects.search(filter, page, size), projects.count(filter));
    }

    /** The corrections of a project, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Correction> corrections(UUID id) {
        if (projects.findByIdOptional(id).isEmpty()) {
            throw noProject(id);
        }
        return corrections.ofProject(id);
    }

    public static ProblemException noProject(UUID id) {
        return ProblemException.notFound(ProblemText.NO_PROJECT.with(id));
    }

    /** The contract of {@code checked}, or the 422 of its broken rules. */
    private static Contract accepted(Checked checked) {
        List<FieldError> errors = checked.errors();
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        return checked.contract();
    }

    private void refuseDuplicate(String duplicateKey, UUID self) {
        existing(duplicateKey).filter(existing -> !existing.equals(self))
                .ifPresent(existing -> {
                    throw duplicateOf(existing);
                });
    }

    private static ProblemException duplicateOf(UUID existing) {
        return ProblemException.conflict(IntakeText.DUPLICATE_OF.with(existing))
                .with("existingProjectId", existing);
    }

    /** Flushes now, so that the unique index backstop of the duplicate check answers 409 rather than 500. */
    private void store(Project p) {
        try {
            projects.persistAndFlush(p);
        } catch (PersistenceException e) {
            if (!violates(e, "project_duplicate_key_key")) {
                throw e;
            }
            // This transaction is aborted: ask in a fresh one which project won the race.
            String key = p.duplicateKey;
            throw QuarkusTransaction.requiringNew().call(() -> projects.findIdByDuplicateKey(key))
                    .map(ProjectService::duplicateOf)
                    .orElseGet(() -> ProblemException.conflict(IntakeText.DUPLICATE.with()));
        }
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && constraint.equals(c.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    static Instant now(Clock clock) {
        // PostgreSQL keeps microseconds: the answer of a write must equal what a later read returns.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
