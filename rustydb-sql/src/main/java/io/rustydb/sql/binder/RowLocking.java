package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.plan.LogicalPlan;
import io.rustydb.sql.plan.LogicalPlan.LockPolicy;
import net.sf.jsqlparser.statement.select.ForMode;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * The locking clause of a SELECT ({@code FOR UPDATE | FOR NO KEY UPDATE | FOR SHARE | FOR KEY SHARE}, with
 * {@code NOWAIT} or {@code SKIP LOCKED}): the scan also produces row ids, carried as a hidden output column to a
 * {@link LogicalPlan.LockRows} node placed after ORDER BY and before LIMIT (as PostgreSQL places it). For now the
 * query must read one table (no joins, derived tables, GROUP BY or DISTINCT); anything else is 0A000.
 */
final class RowLocking {
    private final LogicalPlan.Scan scan;
    private final boolean exclusive;
    private final LockPolicy policy;

    private RowLocking(LogicalPlan.Scan scan, boolean exclusive, LockPolicy policy) {
        this.scan = scan;
        this.exclusive = exclusive;
        this.policy = policy;
    }

    /** The locking clause of {@code select} over {@code from}, or null if it has none. */
    static RowLocking of(PlainSelect select, LogicalPlan from) {
        ForMode mode = select.getForMode();
        if (mode == null || mode == ForMode.READ_ONLY || mode == ForMode.FETCH_ONLY) {
            return null;
        }
        if (!(from instanceof LogicalPlan.Scan scan)) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED,
                    "FOR " + mode.getValue() + " on anything but a single table (joins, derived tables, no FROM)");
        }
        if (select.getWait() != null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "FOR UPDATE WAIT n (use the lock_timeout option)");
        }
        boolean exclusive = mode == ForMode.UPDATE || mode == ForMode.NO_KEY_UPDATE;
        LockPolicy policy = select.isSkipLocked() ? LockPolicy.SKIP_LOCKED
                : select.isNoWait() ? LockPolicy.NOWAIT : LockPolicy.WAIT;
        return new RowLocking(scan, exclusive, policy);
    }

    /** The table scan, now also producing row ids (after the table's columns). */
    LogicalPlan scanWithRowIds() {
        return new LogicalPlan.Scan(scan.table(), true);
    }

    /** The hidden output expression carrying the row id. */
    Expr rowIdColumn() {
        return new ColumnRef(scan.table().columns().size(), DataType.BIGINT, "rowid");
    }

    /** Puts the LockRows node over {@code input}, whose column {@code rowIdColumn} is the row id. */
    LogicalPlan lock(LogicalPlan input, int rowIdColumn, Expr limit, Expr offset) {
        return new LogicalPlan.LockRows(input, scan.table(), rowIdColumn, exclusive, policy, limit, offset);
    }
}
