package org.landfall.intake.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.platform.jdbc.Jdbc;

/** The {@code Idempotency-Key}s of accepted requests, with the hash of their body and the answer they got. */
@ApplicationScoped
public class IdempotencyKeys {

    /** What an earlier request with the same key sent and got. */
    public record Earlier(String requestHash, String response) {
    }

    @Inject
    Jdbc jdbc;

    /**
     * Claims {@code key} for this transaction, or returns the request that holds it. A concurrent request with
     * the same key blocks on the primary key until this transaction ends.
     */
    public Optional<Earlier> claim(String key, String requestHash) {
        int inserted = jdbc.sql("insert into idempotency_key (key, request_hash) values (?, ?) on conflict (key) do nothing",
                key, requestHash).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select request_hash, response from idempotency_key where key = ?", key)
                .single(r -> new Earlier(r.string("request_hash"), r.string("response"))));
    }

    public void complete(String key, UUID projectId, String response) {
        jdbc.sql("update idempotency_key set project_id = ?, response = ? where key = ?", projectId, response, key).update();
    }
}
