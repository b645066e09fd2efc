package org.landfall.intake.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/** One accepted correction of a project's contract: who, when, why, and each field's old and new value. */
@Entity
@Table(name = "project_correction")
public class Correction extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    /** The project's revision this correction produced. */
    public int revision;
    @Column(name = "corrected_at")
    public Instant correctedAt;
    @Column(name = "corrected_by")
    public String correctedBy;
    public String reason;
    /**
     * A JSON array of {@code {field, from, to}}, kept as the text the service wrote so that amounts come back
     * digit for digit ({@code json}, not {@code jsonb}, also keeps the member order).
     */
    @ColumnTransformer(write = "cast(? as json)")
    public String changes;
}
