package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.landfall.events.Stage;

/**
 * One accepted inspector's update, never changed once stored. Figures are cumulative to {@code effectiveOn};
 * milestones are codes of {@link Milestone}, once each in its order. Only {@link TrackedProject#record} makes one.
 */
@Entity
@Table(name = "status_update")
public class StatusUpdate extends PanacheEntityBase {

    @Id
    private UUID id;
    /** Arrival order, to break ties between updates of the same effective date. */
    @Generated
    @Column(insertable = false, updatable = false)
    private Long seq;
    @Column(name = "project_id")
    private UUID projectId;
    @Column(name = "effective_on")
    private LocalDate effectiveOn;
    @Enumerated(EnumType.STRING)
    private Stage stage;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_stage")
    private Stage previousStage;
    @Column(name = "investment_completed")
    private BigDecimal investmentCompleted;
    @Column(name = "funds_in_place")
    private BigDecimal fundsInPlace;
    @Column(name = "jobs_created")
    private Long jobsCreated;
    @Column(name = "progress_percent")
    private Integer progressPercent;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> milestones;
    private String note;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "recorded_by")
    private String recordedBy;

    protected StatusUpdate() {
        // for JPA
    }

    StatusUpdate(UUID projectId, Report report, Stage previousStage, Instant recordedAt, String recordedBy) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.effectiveOn = report.effectiveOn();
        this.stage = report.stage();
        this.previousStage = previousStage;
        this.investmentCompleted = report.investmentCompleted();
        this.fundsInPlace = report.fundsInPlace();
        this.milestones = Milestone.ordered(report.milestones());
        this.jobsCreated = report.jobsCreated();
        this.progressPercent = report.progressPercent();
        this.note = report.note();
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
    }

    public UUID id() {
        return id;
    }

    public UUID projectId() {
        return projectId;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public Stage stage() {
        return stage;
    }

    public Stage previousStage() {
        return previousStage;
    }

    public BigDecimal investmentCompleted() {
        return investmentCompleted;
    }

    public BigDecimal fundsInPlace() {
        return fundsInPlace;
    }

    public List<String> milestones() {
        return List.copyOf(milestones);
    }

    public Long jobsCreated() {
        return jobsCreated;
    }

    public Integer progressPercent() {
        return progressPercent;
    }

    public String note() {
        return note;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
