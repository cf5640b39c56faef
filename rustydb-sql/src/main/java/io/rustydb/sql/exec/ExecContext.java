package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.Catalog;
import java.util.List;

/**
 * What one execution of a plan needs from its surroundings: the catalog (and through it the table heaps) and the
 * values bound to the statement's parameters. One per execution; never shared between threads.
 */
public final class ExecContext {
    private final Catalog catalog;
    private final List<Object> parameters;

    public ExecContext(Catalog catalog, List<Object> parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The value of parameter {@code index} (0-based), already converted to the parameter's type. */
    public Object parameter(int index) {
        return parameters.get(index);
    }
}
