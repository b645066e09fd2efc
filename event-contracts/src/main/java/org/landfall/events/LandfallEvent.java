package org.landfall.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Every Landfall event. The JSON payload names its {@code type} and {@code schemaVersion}; over Kafka the same
 * facts travel as CloudEvents binary-mode headers ({@link CloudEventHeaders}). A consumer that meets a type or a
 * version it does not know sends the record to {@link Topics#DEAD_LETTER} instead of guessing.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ProjectSigned.class, name = ProjectSigned.TYPE),
        @JsonSubTypes.Type(value = ProjectCorrected.class, name = ProjectCorrected.TYPE),
        @JsonSubTypes.Type(value = ProjectUpdateRecorded.class, name = ProjectUpdateRecorded.TYPE),
        @JsonSubTypes.Type(value = ProjectPlanSet.class, name = ProjectPlanSet.TYPE),
        @JsonSubTypes.Type(value = TargetSet.class, name = TargetSet.TYPE)})
public sealed interface LandfallEvent permits ProjectEvent, TargetSet {

    /** Unique per event; consumers record it to apply each event exactly once. */
    UUID eventId();

    int schemaVersion();

    /** The Kafka key: the subject whose events must stay in order (a project's id, a target's year and place). */
    String key();

    /** The date the fact became true in the world (signing date, effective date of an update). */
    LocalDate occurredOn();

    /** The moment the producing service committed the fact: the clock of as-of reports. */
    Instant recordedAt();

    /** The subject of the token that made the write. */
    String recordedBy();

    /** The {@code type} of the JSON payload; {@code ce_type} is it with {@link CloudEventHeaders#TYPE_PREFIX}. */
    String type();

    default String topic() {
        if (this instanceof ProjectUpdateRecorded) {
            return Topics.PROJECT_UPDATES;
        }
        return this instanceof ProjectPlanSet || this instanceof TargetSet ? Topics.PLANS : Topics.PROJECTS;
    }
}
