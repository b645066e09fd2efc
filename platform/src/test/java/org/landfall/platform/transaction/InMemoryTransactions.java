package org.landfall.platform.transaction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@link Transactions} for unit tests: a fake store defers its writes with {@link #onCommit}, so they take effect
 * only if the work returns, and a failure leaves the store as it was, as a rollback would.
 */
public final class InMemoryTransactions implements Transactions {

    private List<Runnable> writes; // null outside a transaction
    private int committed;
    private Integer lastTimeoutSeconds;

    /** True inside a transaction: a store that needs one (the ledger) fails without it, as MANDATORY does. */
    public boolean active() {
        return writes != null;
    }

    /** Defers a write of the current transaction to its commit. */
    public void onCommit(Runnable write) {
        if (writes == null) {
            throw new IllegalStateException("no transaction");
        }
        writes.add(write);
    }

    public int committed() {
        return committed;
    }

    public Integer lastTimeoutSeconds() {
        return lastTimeoutSeconds;
    }

    @Override
    public <T> T requiringNew(Callable<T> work) {
        List<Runnable> suspended = writes;
        writes = new ArrayList<>();
        try {
            T result = work.call();
            writes.forEach(Runnable::run);
            committed++;
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e); // as QuarkusTransaction wraps a checked exception
        } finally {
            writes = suspended;
        }
    }

    @Override
    public <T> T requiringNew(int timeoutSeconds, Callable<T> work) {
        lastTimeoutSeconds = timeoutSeconds;
        return requiringNew(work);
    }
}
