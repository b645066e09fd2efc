package org.landfall.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.ProblemText;
import org.landfall.platform.rest.Params;

/**
 * The {@code Idempotency-Key} of a create request: the same key with the same request answers the first answer
 * again and does nothing; with another request, 409. A key is its caller's own (the token's subject): another
 * person's request under the same key is another request, neither refused nor answered with what the first person
 * got. Keys live in the service's table {@code idempotency_key (subject text, key text, request_hash text not null,
 * response text, primary key (subject, key))}, which the service's own migrations create. The primary key makes a
 * concurrent retry wait for the first request's transaction: if that one commits, the retry replays its answer; if
 * it rolls back (a refused request), the key is free again.
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** An answer, and whether it is the replay of an earlier request's. */
    public record Outcome<T>(T answer, boolean replayed) {
    }

    @Inject
    Jdbc jdbc;

    @Inject
    ObjectMapper mapper;

    /** The header as given, or 400 naming it: 1 to 200 printable ASCII characters, such as a UUID. */
    public static String checked(String key) {
        if (key != null && !key.matches("[\\x21-\\x7E][\\x20-\\x7E]{0,199}")) {
            throw Params.malformed("Idempotency-Key", ProblemText.IDEMPOTENCY_KEY_FORMAT.with());
        }
        return key;
    }

    /**
     * Runs {@code action} unless {@code subject} used {@code key} before: then answers what the first request got
     * (read as {@code type}), or 409 if that request was another one. Without a key the action simply runs.
     * {@code request} is what makes two requests the same (its JSON is hashed); the answer is stored as JSON.
     * A refusal of the action leaves the caller to decide about its transaction: a batch rolls back to a savepoint.
     */
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = ProblemException.class)
    public <T> Outcome<T> once(String subject, String key, Object request, Class<T> type, Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(action.get(), false);
        }
        String hash = sha256(json(request).getBytes(StandardCharsets.UTF_8));
        int claimed = jdbc.sql("insert into idempotency_key (subject, key, request_hash) values (?, ?, ?) "
                + "on conflict (subject, key) do nothing", subject, key, hash).update();
        if (claimed == 0) {
            record Earlier(String requestHash, String response) {
            }
            Earlier earlier = jdbc.sql("select request_hash, response from idempotency_key where subject = ? and key = ?",
                    subject, key).single(r -> new Earlier(r.string("request_hash"), r.string("response")));
            if (!earlier.requestHash().equals(hash)) {
                throw ProblemException.conflict(ProblemText.IDEMPOTENCY_KEY_REUSED.with());
            }
            return new Outcome<>(read(earlier.response(), type), true);
        }
        T answer = action.get();
        jdbc.sql("update idempotency_key set response = ? where subject = ? and key = ?", json(answer), subject, key).update();
        return new Outcome<>(answer, false);
    }

    /** The SHA-256 of {@code bytes} in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
