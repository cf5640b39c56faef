package io.rustydb.sql.plan;

import io.rustydb.sql.expr.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One {@code WHEN [NOT] MATCHED [AND condition] THEN ...} clause of a MERGE. {@code condition} is null if the clause
 * has none. For UPDATE, {@code values} holds per table column the new value's expression, or null to keep the old
 * value; for INSERT, every column's value in table order; empty for DELETE and DO NOTHING. All expressions read the
 * joined row (the source's columns, then the target's; see {@link BoundStatement.Merge}).
 */
public record MergeAction(Kind kind, Expr condition, List<Expr> values) {
    /** What the clause does. */
    public enum Kind { UPDATE, DELETE, INSERT, DO_NOTHING }

    public MergeAction {
        values = Collections.unmodifiableList(new ArrayList<>(values)); // null entries: column unchanged
    }
}
