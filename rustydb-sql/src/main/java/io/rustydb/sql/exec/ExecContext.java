package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.Catalog;
import io.rustydb.txn.Transaction;
import java.util.List;

/**
 * What one execution of a plan needs from its surroundings: the catalog (and through it the table heaps), the
 * values bound to the statement's parameters, and the transaction it runs in. One per execution; never shared
 * between threads.
 */
public final class ExecContext {
    private final Catalog catalog;
    private final List<Object> parameters;
    private final Transaction transaction;

    public ExecContext(Catalog catalog, List<Object> parameters, Transaction transaction) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.transaction = transaction;
    }

    /** The transaction the statement runs in (its changes are logged on its behalf). */
    public Transaction transaction() {
        return transaction;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The value of parameter {@code index} (0-based), already converted to the parameter's type. */
    public Object parameter(int index) {
        return parameters.get(index);
    }
}
