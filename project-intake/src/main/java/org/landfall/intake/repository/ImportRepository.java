package org.landfall.intake.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The accepted contract files, by the SHA-256 of their content, with the answer each got. */
@ApplicationScoped
public class ImportRepository {

    @Inject
    EntityManager em;

    /**
     * Claims {@code fileSha256} for this transaction, or returns the answer of the upload that holds it. A
     * concurrent upload of the same file blocks on the unique key until this transaction ends.
     */
    public Optional<String> claim(UUID id, String fileSha256, String officer) {
        int inserted = em.createNativeQuery("insert into contract_import (id, file_sha256, imported_by) "
                        + "values (:id, :hash, :officer) on conflict (file_sha256) do nothing")
                .setParameter("id", id).setParameter("hash", fileSha256).setParameter("officer", officer)
                .executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        return Optional.of((String) em.createNativeQuery("select response from contract_import where file_sha256 = :hash")
                .setParameter("hash", fileSha256).getSingleResult());
    }

    public void complete(UUID id, String response) {
        em.createNativeQuery("update contract_import set response = :response where id = :id")
                .setParameter("response", response).setParameter("id", id).executeUpdate();
    }

    public Optional<String> answer(UUID id) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select response from contract_import where id = :id")
                .setParameter("id", id).getResultList();
        return rows.stream().findFirst();
    }
}
