package org.landfall.intake.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.events.ProjectSnapshot;
import org.landfall.intake.domain.Contract;
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.domain.ProjectCodes;
import org.landfall.intake.repository.ImportRepository;
import org.landfall.platform.idempotency.IdempotencyKeys;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.Problem;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.security.Jurisdiction;
import org.landfall.platform.problem.Text;

/**
 * Imports a file of signed contracts, all or nothing: every row passes the rules of {@code POST /api/projects}
 * (the same code: {@link ProjectService#check}, {@link ProjectService#existing}, {@link ProjectService#create})
 * and is stored with its event, or nothing is stored and every refused row is listed. The same file again
 * answers the first import's answer and creates nothing.
 */
@ApplicationScoped
public class ImportService {

    /** A row of the file: its contract as read, or the field-by-field rules it broke (then no contract). */
    public record Row(int line, Contract contract, List<FieldError> errors) {
    }

    public record Accepted(int line, UUID id, String code) {
    }

    /** The answer to an accepted file, stored and replayed as JSON text, byte for byte. */
    public record Imported(UUID id, String fileSha256, Instant importedAt, String importedBy, int count,
                           List<Accepted> accepted) {
    }

    public record Outcome(UUID id, String answer, boolean replayed) {
    }

    @Inject
    ProjectService projects;

    @Inject
    Clock clock;

    @Inject
    ImportRepository imports;

    @Inject
    ObjectMapper mapper;

    @Inject
    IntakeConfig config;

    /** Imports the {@code rows} read from {@code file}; the file's SHA-256 makes a re-upload a replay. */
    @Transactional
    public Outcome importContracts(byte[] file, List<Row> rows, String officer, Jurisdiction jurisdiction) {
        String fileSha256 = IdempotencyKeys.sha256(file);
        UUID id = UUID.randomUUID();
        Optional<String> earlier = imports.claim(id, fileSha256, officer);
        if (earlier.isPresent()) {
            return new Outcome(read(earlier.get()).id(), earlier.get(), true);
        }
        List<FieldError> errors = new ArrayList<>();
        Map<Integer, Contract> readable = new TreeMap<>();
        for (Row row : rows) {
            if (row.contract() == null) {
                errors.addAll(row.errors());
                continue;
            }
            ProjectService.Checked checked = projects.check(row.contract().normalised());
            checked.errors().forEach(e -> errors.add(new FieldError(row.line(), e.field(), e.message())));
            if (checked.errors().isEmpty()) {
                readable.put(row.line(), checked.contract());
            }
        }
        errors.addAll(duplicates(readable));
        if (!errors.isEmpty()) {
            throw refused(rows.size(), errors);
        }
        // A file with one contract outside the officer's jurisdiction enters none: 403, each such line named.
        List<FieldError> outside = new ArrayList<>();
        readable.forEach((line, contract) -> jurisdiction.refusal(contract.regionCode())
                .ifPresent(why -> outside.add(new FieldError(line, "regionCode", why))));
        if (!outside.isEmpty()) {
            throw refusal(403, IntakeText.ROWS_REFUSED.with(outside.size(), rows.size()), outside,
                    config.imports().maxErrors()).with("jurisdiction", jurisdiction.code());
        }
        // Codes are drawn grouped by province and year (in line order within each): two concurrent imports then
        // take the code sequences' row locks in one order and cannot deadlock.
        List<Map.Entry<Integer, Contract>> creation = new ArrayList<>(readable.entrySet());
        creation.sort(Comparator.comparing((Map.Entry<Integer, Contract> e) -> ProjectCodes.prefix(e.getValue()))
                .thenComparing(e -> e.getValue().signedOn().getYear()).thenComparing(Map.Entry::getKey));
        Map<Integer, Accepted> accepted = new TreeMap<>();
        for (Map.Entry<Integer, Contract> e : creation) {
            ProjectSnapshot p = projects.create(e.getValue(), officer);
            accepted.put(e.getKey(), new Accepted(e.getKey(), p.id(), p.code()));
        }
        String answer = json(new Imported(id, fileSha256, ProjectService.now(clock), officer, accepted.size(),
                List.copyOf(accepted.values())));
        imports.complete(id, answer);
        return new Outcome(id, answer, false);
    }

    /** The answer an import got, as it was first returned. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> answer(UUID id) {
        return imports.answer(id);
    }

    /**
     * A row with the investor, name and signing date of an existing project, or of an earlier row of the file.
     * The keys are locked in sorted order, so that concurrent imports cannot deadlock on them.
     */
    private List<FieldError> duplicates(Map<Integer, Contract> readable) {
        Map<String, Optional<UUID>> existing = new TreeMap<>();
        readable.values().forEach(c -> existing.put(c.duplicateKey(), Optional.empty()));
        existing.replaceAll((key, none) -> projects.existing(key));
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        readable.forEach((line, contract) -> {
            String key = contract.duplicateKey();
            Integer first = firstLine.putIfAbsent(key, line);
            if (first != null) {
                errors.add(new FieldError(line, null, IntakeText.DUPLICATE_LINE.with(first)));
            } else {
                existing.get(key).ifPresent(project -> errors.add(new FieldError(line, null,
                        IntakeText.DUPLICATE_OF.with(project))));
            }
        });
        return errors;
    }

    private ProblemException refused(int rows, List<FieldError> errors) {
        List<FieldError> sorted = errors.stream().sorted(Comparator.comparing(FieldError::line)
                .thenComparing(e -> e.field() == null ? "" : e.field())).toList();
        long refusedRows = sorted.stream().map(FieldError::line).distinct().count();
        return refusal(422, IntakeText.ROWS_REFUSED.with(refusedRows, rows), sorted, config.imports().maxErrors());
    }

    /**
     * A refused file's problem: the first {@code max} of its {@code errors} (a file of a thousand bad rows could
     * otherwise answer megabytes), and {@code errorCount}, the number of them all.
     */
    public static ProblemException refusal(int status, Text detail, List<FieldError> errors, int max) {
        Text said = errors.size() > max ? IntakeText.ERRORS_LISTED.with(detail, max, errors.size()) : detail;
        return new ProblemException(new Problem(status, said, errors.subList(0, Math.min(max, errors.size()))))
                .with("errorCount", errors.size());
    }

    private String json(Imported imported) {
        try {
            return mapper.writeValueAsString(imported);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Imported read(String answer) {
        try {
            return mapper.readValue(answer, Imported.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
