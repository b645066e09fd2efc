package org.landfall.platform.transaction;

import java.util.concurrent.Callable;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link Transactions} as the services run them: JTA transactions of Quarkus (Narayana). */
@ApplicationScoped
public class JtaTransactions implements Transactions {

    @Override
    public <T> T requiringNew(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    @Override
    public <T> T requiringNew(int timeoutSeconds, Callable<T> work) {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(work);
    }
}
