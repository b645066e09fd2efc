package org.landfall.status.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.landfall.status.domain.Blocker;

/** A blocker: what holds the project up, who is to clear it, when it was raised and (null until then) resolved. */
public record BlockerView(
        UUID id,
        UUID projectId,
        String kind,
        String description,
        String owner,
        LocalDate raisedOn,
        Instant raisedAt,
        String raisedBy,
        LocalDate resolvedOn,
        String note,
        Instant resolvedAt,
        String resolvedBy) {

    public static BlockerView of(Blocker b) {
        return new BlockerView(b.id(), b.projectId(), b.kind(), b.description(), b.owner(), b.raisedOn(), b.raisedAt(),
                b.raisedBy(), b.resolvedOn(), b.note(), b.resolvedAt(), b.resolvedBy());
    }
}
