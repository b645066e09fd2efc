package org.landfall.status.repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.jdbc.SqlRow;

/** The photos of the updates, with their bytes ({@code evidence}); the bytes are read only when served. */
@ApplicationScoped
public class EvidenceRepository {

    /** A stored photo without its bytes. */
    public record Evidence(UUID id, UUID projectId, UUID updateId, String contentType, int size, String sha256,
                           Instant takenAt, BigDecimal latitude, BigDecimal longitude, Instant recordedAt,
                           String recordedBy) {
    }

    /** A photo's bytes and what to serve them as. */
    public record Content(String contentType, String sha256, byte[] bytes) {
    }

    private static final String COLUMNS = "id, project_id, update_id, content_type, size, sha256, taken_at, latitude, "
            + "longitude, recorded_at, recorded_by";

    @Inject
    Jdbc jdbc;

    /** Stores the photo unless the update already has these very bytes; answers the stored one either way. */
    public Evidence add(Evidence e, byte[] bytes) {
        jdbc.sql("insert into evidence (" + COLUMNS + ", bytes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (update_id, sha256) do nothing", e.id(), e.projectId(), e.updateId(), e.contentType(),
                e.size(), e.sha256(), e.takenAt(), e.latitude(), e.longitude(), e.recordedAt(), e.recordedBy(), bytes).update();
        return jdbc.sql("select " + COLUMNS + " from evidence where update_id = ? and sha256 = ?", e.updateId(), e.sha256())
                .single(EvidenceRepository::evidence);
    }

    public Optional<Content> content(UUID projectId, UUID updateId, UUID evidenceId) {
        return jdbc.sql("select content_type, sha256, bytes from evidence where id = ? and update_id = ? and project_id = ?",
                        evidenceId, updateId, projectId)
                .list(r -> new Content(r.string("content_type"), r.string("sha256"), r.bytes("bytes"))).stream().findFirst();
    }

    /** The ids of a project's photos per update, in the order they were stored. */
    public Map<UUID, List<UUID>> idsByUpdate(UUID projectId) {
        record Row(UUID update, UUID id) {
        }
        Map<UUID, List<UUID>> out = new LinkedHashMap<>();
        jdbc.sql("select id, update_id from evidence where project_id = ? order by seq", projectId)
                .list(r -> new Row(r.uuid("update_id"), r.uuid("id")))
                .forEach(row -> out.computeIfAbsent(row.update(), k -> new ArrayList<>()).add(row.id()));
        return out;
    }

    private static Evidence evidence(SqlRow r) throws java.sql.SQLException {
        return new Evidence(r.uuid("id"), r.uuid("project_id"), r.uuid("update_id"), r.string("content_type"),
                r.integer("size"), r.string("sha256"), r.instant("taken_at"), r.decimal("latitude"), r.decimal("longitude"),
                r.instant("recorded_at"), r.string("recorded_by"));
    }
}
