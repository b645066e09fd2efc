package org.landfall.intake.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.platform.jdbc.Jdbc;

/** The accepted contract files, by the SHA-256 of their content, with the answer each got. */
@ApplicationScoped
public class ImportRepository {

    @Inject
    Jdbc jdbc;

    /**
     * Claims {@code fileSha256} of {@code officer}'s for this transaction, or returns the answer of the upload of
     * theirs that holds it (another officer's upload of the same file is theirs alone). A concurrent upload of the
     * same file by the same officer blocks on the unique key until this transaction ends.
     */
    public Optional<String> claim(UUID id, String fileSha256, String officer) {
        int inserted = jdbc.sql("insert into contract_import (id, file_sha256, imported_by) values (?, ?, ?) "
                + "on conflict (imported_by, file_sha256) do nothing", id, fileSha256, officer).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("select response from contract_import where imported_by = ? and file_sha256 = ?",
                officer, fileSha256).single(r -> r.string("response")));
    }

    public void complete(UUID id, String response) {
        jdbc.sql("update contract_import set response = ? where id = ?", response, id).update();
    }

    public Optional<String> answer(UUID id) {
        return jdbc.sql("select response from contract_import where id = ?", id).list(r -> r.string("response"))
                .stream().findFirst();
    }
}
