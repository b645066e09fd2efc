package org.landfall.status.domain;

import org.landfall.platform.problem.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;

/**
 * Something that holds a project up (the power-supply plan the equipment installation waits for), who is to clear
 * it, and when it was raised and resolved. Raised by {@link #raise}, changed once by {@link #resolve}.
 */
@Entity
@Table(name = "blocker")
public class Blocker extends PanacheEntityBase {

    @Id
    private UUID id;
    /** Arrival order, to break ties between blockers raised on the same day. */
    @Generated
    @Column(insertable = false, updatable = false)
    private Long seq;
    @Column(name = "project_id")
    private UUID projectId;
    private String kind;
    private String description;
    private String owner;
    @Column(name = "raised_on")
    private LocalDate raisedOn;
    @Column(name = "raised_at")
    private Instant raisedAt;
    @Column(name = "raised_by")
    private String raisedBy;
    @Column(name = "resolved_on")
    private LocalDate resolvedOn;
    private String note;
    @Column(name = "resolved_at")
    private Instant resolvedAt;
    @Column(name = "resolved_by")
    private String resolvedBy;

    protected Blocker() {
        // for JPA
    }

    /**
     * A blocker of {@code project}, or 422 naming every broken rule: {@code kind} one of {@link BlockerKind},
     * {@code raisedOn} not before the signing date nor after today.
     */
    public static Blocker raise(TrackedProject project, String kind, String description, String owner, LocalDate raisedOn,
                                LocalDate today, Instant now, String inspector) {
        List<FieldError> errors = new ArrayList<>();
        if (BlockerKind.of(kind).isEmpty()) {
            errors.add(new FieldError("kind", StatusText.BLOCKER_KIND.with(Text.list(BlockerKind.codes()))));
        }
        if (raisedOn.isBefore(project.signedOn())) {
            errors.add(new FieldError("raisedOn", StatusText.BEFORE_SIGNING.with(project.signedOn())));
        }
        if (raisedOn.isAfter(today)) {
            errors.add(new FieldError("raisedOn", StatusText.IN_FUTURE.with()));
        }
        Refusals.unlessEmpty(errors);
        Blocker b = new Blocker();
        b.id = UUID.randomUUID();
        b.projectId = project.id();
        b.kind = kind;
        b.description = description;
        b.owner = owner;
        b.raisedOn = raisedOn;
        b.raisedAt = now;
        b.raisedBy = inspector;
        return b;
    }

    /** Resolves it: 409 if it already is; 422 if {@code resolvedOn} is before it was raised or after today. */
    public void resolve(LocalDate on, String resolutionNote, LocalDate today, Instant now, String inspector) {
        if (resolvedOn != null) {
            throw ProblemException.conflict(StatusText.BLOCKER_RESOLVED_ALREADY.with(id, resolvedOn))
                    .with("resolvedOn", resolvedOn);
        }
        List<FieldError> errors = new ArrayList<>();
        if (on.isBefore(raisedOn)) {
            errors.add(new FieldError("resolvedOn", StatusText.RESOLVED_BEFORE_RAISED.with(raisedOn)));
        }
        if (on.isAfter(today)) {
            errors.add(new FieldError("resolvedOn", StatusText.IN_FUTURE.with()));
        }
        Refusals.unlessEmpty(errors);
        resolvedOn = on;
        note = resolutionNote;
        resolvedAt = now;
        resolvedBy = inspector;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public String kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    public String owner() {
        return owner;
    }

    public LocalDate raisedOn() {
        return raisedOn;
    }

    public Instant raisedAt() {
        return raisedAt;
    }

    public String raisedBy() {
        return raisedBy;
    }

    public LocalDate resolvedOn() {
        return resolvedOn;
    }

    public String note() {
        return note;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public String resolvedBy() {
        return resolvedBy;
    }
}
