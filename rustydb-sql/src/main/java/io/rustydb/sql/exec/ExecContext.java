package io.rustydb.sql.exec;

import io.rustydb.sql.catalog.Catalog;
import io.rustydb.txn.Transaction;
import io.rustydb.txn.lock.LockWait;
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
    private final LockWait lockWait;
    private final SessionState session;
    private final StatementCancel cancel;

    public ExecContext(Catalog catalog, List<Object> parameters, Transaction transaction) {
        this(catalog, parameters, transaction, LockWait.FOREVER);
    }

    public ExecContext(Catalog catalog, List<Object> parameters, Transaction transaction, LockWait lockWait) {
        this(catalog, parameters, transaction, lockWait, new SessionState());
    }

    /** With the state of the session the statement runs in ({@code currval}). */
    public ExecContext(Catalog catalog, List<Object> parameters, Transaction transaction, LockWait lockWait,
                       SessionState session) {
        this(catalog, parameters, transaction, lockWait, session, StatementCancel.NONE);
    }

    /** With the handle through which the statement can be cancelled or timed out. */
    public ExecContext(Catalog catalog, List<Object> parameters, Transaction transaction, LockWait lockWait,
                       SessionState session, StatementCancel cancel) {
        this.catalog = catalog;
        this.parameters = parameters;
        this.transaction = transaction;
        this.lockWait = lockWait;
        this.session = session;
        this.cancel = cancel;
    }

    /** Throws 57014 if the statement was cancelled or ran past its timeout: operators call it once per batch. */
    public void checkCancelled() {
        cancel.check();
    }

    /** What the session remembers between statements (the values of {@code nextval} for {@code currval}). */
    public SessionState session() {
        return session;
    }

    /** How long a row lock may be waited for (the connection's lock timeout). */
    public LockWait lockWait() {
        return lockWait;
    }

    /** The transaction the statement runs in (its changes are logged on its behalf). */
    public Transaction transaction() {
        return transaction;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** A row of an enclosing query, seen by a correlated subquery. */
    private record OuterRow(RowBatch batch, int row) {
    }

    // Created on first use: a point query needs none of them, and allocates nothing it does not need.
    private java.util.ArrayDeque<OuterRow> outerRows;
    private java.util.IdentityHashMap<Object, Object> subqueryResults;
    private java.util.IdentityHashMap<io.rustydb.sql.plan.LogicalPlan.WorkingTable, List<Object[]>> workingTables;

    /** Makes {@code row} of {@code batch} the innermost enclosing row while a subquery runs for it. */
    public void pushOuterRow(RowBatch batch, int row) {
        if (outerRows == null) {
            outerRows = new java.util.ArrayDeque<>();
        }
        outerRows.push(new OuterRow(batch, row));
    }

    public void popOuterRow() {
        outerRows.pop();
    }

    /** Column {@code index} of the enclosing row {@code depth} levels out (1 = the innermost). */
    public Object outerValue(int depth, int index) {
        OuterRow r = null;
        java.util.Iterator<OuterRow> it = outerRows == null ? java.util.Collections.emptyIterator() : outerRows.iterator();
        for (int i = 0; i < depth && it.hasNext(); i++) {
            r = it.next();
        }
        if (r == null) {
            throw io.rustydb.core.DbException.internal("no enclosing row at depth " + depth);
        }
        return r.batch().column(index)[r.row()];
    }

    /** The cached result of an uncorrelated subquery (computed once per execution), or null. */
    public Object cachedSubquery(Object subquery) {
        return subqueryResults == null ? null : subqueryResults.get(subquery);
    }

    public void cacheSubquery(Object subquery, Object result) {
        if (subqueryResults == null) {
            subqueryResults = new java.util.IdentityHashMap<>();
        }
        subqueryResults.put(subquery, result);
    }

    /**
     * Makes {@code rows} the contents of a recursive WITH query's working table while its recursive term runs
     * (see {@link RecursiveUnionOperator}); returns the previous contents (null: none), to be put back after.
     */
    public List<Object[]> bindWorkingTable(io.rustydb.sql.plan.LogicalPlan.WorkingTable table, List<Object[]> rows) {
        if (workingTables == null) {
            workingTables = new java.util.IdentityHashMap<>();
        }
        return rows == null ? workingTables.remove(table) : workingTables.put(table, rows);
    }

    /** The rows of the working table bound now, or null. */
    public List<Object[]> workingTable(io.rustydb.sql.plan.LogicalPlan.WorkingTable table) {
        return workingTables == null ? null : workingTables.get(table);
    }

    private OperatorProfile profile;

    /** The per-operator counters of EXPLAIN ANALYZE for this execution (created on first use). */
    public OperatorProfile profile() {
        if (profile == null) {
            profile = new OperatorProfile();
        }
        return profile;
    }

    private io.rustydb.sql.exec.spill.SpillSpace spillSpace;
    private io.rustydb.sql.exec.spill.QuerySpill spill;

    /** Makes operators that exceed the memory budget spill into {@code space} (the database's). */
    public ExecContext withSpillSpace(io.rustydb.sql.exec.spill.SpillSpace space) {
        this.spillSpace = space;
        return this;
    }

    /**
     * The memory budget and spill files of this execution (created on first use): the budget is the session's
     * {@code work_mem}; without a database's space, files go to {@link
     * io.rustydb.sql.exec.spill.SpillSpace#processDefault()}.
     */
    public io.rustydb.sql.exec.spill.QuerySpill spill() {
        if (spill == null) {
            spill = new io.rustydb.sql.exec.spill.QuerySpill(spillSpace != null ? spillSpace
                    : io.rustydb.sql.exec.spill.SpillSpace.processDefault(), session.workMemBytes());
        }
        return spill;
    }

    /** Deletes the spill files still open (the execution ended, maybe by an error or a cancel). Idempotent. */
    public void releaseSpill() {
        if (spill != null) {
            spill.close();
        }
    }

    /** The value of parameter {@code index} (0-based), already converted to the parameter's type. */
    public Object parameter(int index) {
        return parameters.get(index);
    }
}
