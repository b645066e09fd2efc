package org.landfall.intake.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.landfall.intake.domain.Contract;
import org.landfall.platform.jdbc.Jdbc;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.security.Jurisdiction;

/**
 * Stores signings in batches: those that arrive while a batch is being stored go together into the next one, in one
 * transaction. A signing holds its province's code sequence row from drawing its code to its commit, so one at a
 * time would make every signing of a province wait for the commit of the one before it; a batch draws many codes
 * in one commit, and its events reach the relay and Kafka together. A signing that arrives alone is stored alone,
 * at once: batches form only under load.
 * <p>
 * Each signing keeps its own answer: one refused (422, 403, 409) is taken back to its savepoint where it wrote
 * something (its idempotency key) and the others go on. If the batch fails as a whole (a deadlock with another
 * instance's batch, the unique index's backstop, the database away), nothing of it committed, and each of its
 * signings is stored again in a transaction of its own, exactly as a signing alone is.
 */
@ApplicationScoped
public class Signings {

    /** At most this many signings a transaction; the rest wait for the next batch. */
    static final int MAX_BATCH = 64;

    @Inject
    ProjectService service;

    @Inject
    Jdbc jdbc;

    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    /** Held by the thread storing a batch; the others wait for it, then find their signing stored or store the next. */
    private final ReentrantLock storing = new ReentrantLock();

    /** As {@link ProjectService#sign}, batched with the signings that arrive meanwhile. */
    public ProjectService.Signed sign(Contract request, String officer, Jurisdiction jurisdiction, String idempotencyKey) {
        Pending pending = new Pending(service.signing(request, officer, jurisdiction, idempotencyKey), Context.current());
        waiting.add(pending);
        storing.lock();
        try {
            while (!pending.done) {
                storeNext();
            }
        } finally {
            storing.unlock();
        }
        return pending.answer();
    }

    private void storeNext() {
        List<Pending> batch = new ArrayList<>();
        for (Pending p; batch.size() < MAX_BATCH && (p = waiting.poll()) != null; ) {
            batch.add(p);
        }
        try {
            if (batch.size() == 1) {
                alone(batch.get(0));
                return;
            }
            // In the order of the code sequences, as an import draws its codes: concurrent batches cannot deadlock on them.
            batch.sort(Comparator.comparing(p -> p.signing.sequence()));
            try {
                QuarkusTransaction.requiringNew().run(() -> batch.forEach(this::within));
            } catch (RuntimeException failed) {
                batch.forEach(this::alone);
            }
        } finally {
            // even after an Error on the way, no signing of the batch waits for good (unanswered, it is a 500)
            batch.forEach(p -> p.done = true);
        }
    }

    /** Stores one signing of a batch in the batch's transaction; a refusal takes back what it wrote. */
    private void within(Pending p) {
        boolean wrote = p.signing.idempotencyKey() != null; // before its refusals, a signing writes only its key
        try (Scope ignored = p.context.makeCurrent()) {
            if (wrote) {
                jdbc.sql("savepoint signing").update();
            }
            try {
                p.answered(service.signWithin(p.signing), null);
                if (wrote) {
                    jdbc.sql("release savepoint signing").update();
                }
            } catch (ProblemException refusal) {
                if (wrote) {
                    jdbc.sql("rollback to savepoint signing").update();
                }
                p.answered(null, refusal);
            }
        }
    }

    private void alone(Pending p) {
        try (Scope ignored = p.context.makeCurrent()) {
            p.answered(service.sign(p.signing), null);
        } catch (RuntimeException e) {
            p.answered(null, e);
        }
    }

    /** A signing waiting to be stored, with its request's trace (its event carries it), and then its answer. */
    private static final class Pending {
        final ProjectService.Signing signing;
        final Context context;
        ProjectService.Signed signed;
        RuntimeException failure;
        /** Read and written under {@link #storing}. */
        boolean done;

        Pending(ProjectService.Signing signing, Context context) {
            this.signing = signing;
            this.context = context;
        }

        void answered(ProjectService.Signed signed, RuntimeException failure) {
            this.signed = signed;
            this.failure = failure;
        }

        ProjectService.Signed answer() {
            if (failure != null) {
                throw failure;
            }
            if (signed == null) {
                throw new IllegalStateException("the batch of this signing failed before answering it");
            }
            return signed;
        }
    }
}
