package org.landfall.platform.transaction;

import java.util.concurrent.Callable;

/**
 * Runs work in a transaction of its own. The one seam between the consumer and relay logic and the transaction
 * manager, so that logic (what commits together, what a failure leaves behind) is unit-tested without a database.
 */
public interface Transactions {

    /** Runs {@code work} in a new transaction: committed when it returns, rolled back when it throws. */
    <T> T requiringNew(Callable<T> work);

    /** The same, rolled back if it has not finished within {@code timeoutSeconds}. */
    <T> T requiringNew(int timeoutSeconds, Callable<T> work);
}
