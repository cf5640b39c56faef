package io.rustydb.sql.plan;

import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.expr.Expr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code INSERT ... ON CONFLICT}: what to do with a proposed row whose key is already taken in one of the
 * {@code arbiters} (unique indexes named by the conflict target, or all unique indexes for a bare
 * {@code ON CONFLICT DO NOTHING}).
 *
 * <p>For {@code DO UPDATE}, {@code newValues} holds, per table column, the expression of its new value or null to
 * keep the existing one, and {@code condition} (null if none) the {@code WHERE} of the action; both read a row made
 * of the existing row's columns (table order) followed by the proposed row's ({@code EXCLUDED}).
 */
public record OnConflict(boolean doUpdate, List<IndexDef> arbiters, List<Expr> newValues, Expr condition) {
    public OnConflict {
        arbiters = List.copyOf(arbiters);
        newValues = Collections.unmodifiableList(new ArrayList<>(newValues)); // null entries: column unchanged
    }

    /** {@code ON CONFLICT ... DO NOTHING}. */
    public static OnConflict doNothing(List<IndexDef> arbiters) {
        return new OnConflict(false, arbiters, List.of(), null);
    }
}
