package org.landfall.status.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Generated;
import org.landfall.events.Stage;

/** One accepted inspector's update. Figures are cumulative to {@code effectiveOn}. */
@Entity
@Table(name = "status_update")
public class StatusUpdate extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Arrival order, to break ties between updates of the same effective date. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "effective_on")
    public LocalDate effectiveOn;
    @Enumerated(EnumType.STRING)
    public Stage stage;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_stage")
    public Stage previousStage;
    @Column(name = "investment_completed")
    public BigDecimal investmentCompleted;
    @Column(name = "jobs_created")
    public Long jobsCreated;
    @Column(name = "progress_percent")
    public Integer progressPercent;
    public String note;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
