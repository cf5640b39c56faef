package io.rustydb.sql.plan;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * A relational query plan as the binder produces it: what to compute, not how. The physical planner turns it
 * into operators. Every node knows the types of its output columns.
 */
public sealed interface LogicalPlan {
    List<DataType> outputTypes();

    /**
     * Reads every row of a table; output = the table's columns in order, then (if {@code withRowId}) the row id as
     * a BIGINT, for UPDATE and DELETE.
     */
    record Scan(TableDef table, boolean withRowId) implements LogicalPlan {
        public Scan(TableDef table) {
            this(table, false);
        }

        @Override
        public List<DataType> outputTypes() {
            List<DataType> types = new ArrayList<>(List.of(table.columnTypes()));
            if (withRowId) {
                types.add(DataType.BIGINT);
            }
            return types;
        }
    }

    /** Literal rows ({@code VALUES}, or the single empty row of a SELECT without FROM). */
    record Values(List<List<Expr>> rows, List<DataType> outputTypes) implements LogicalPlan {
        public Values {
            rows = List.copyOf(rows);
            outputTypes = List.copyOf(outputTypes);
        }
    }

    /**
     * A set-returning function in FROM ({@code generate_series(1, 3)}, {@code unnest(a)}): its rows for the
     * arguments (evaluated once per execution, already of {@link io.rustydb.sql.function.SetReturningFunction#argumentTypes()});
     * with {@code ordinality}, a BIGINT column numbering them from 1 follows.
     */
    record FunctionScan(io.rustydb.sql.function.SetReturningFunction function, List<Expr> arguments,
                        boolean ordinality) implements LogicalPlan {
        public FunctionScan {
            arguments = List.copyOf(arguments);
        }

        @Override
        public List<DataType> outputTypes() {
            List<DataType> types = new ArrayList<>(function.columnTypes());
            if (ordinality) {
                types.add(DataType.BIGINT);
            }
            return types;
        }
    }

    /**
     * A LATERAL join: {@code right} is planned once but run for every row of {@code left}, which it reads as the
     * enclosing row at depth 1 ({@link io.rustydb.sql.expr.OuterRef}); output = the left columns, then the right
     * ones. {@code type} is CROSS, INNER or LEFT (a left row without right rows then gets NULLs); {@code condition}
     * (over the combined row) may be null.
     */
    record LateralJoin(LogicalPlan left, LogicalPlan right, JoinType type, Expr condition) implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            List<DataType> types = new ArrayList<>(left.outputTypes());
            types.addAll(right.outputTypes());
            return types;
        }
    }

    /** The kinds of join. */
    enum JoinType { INNER, LEFT, RIGHT, FULL, CROSS }

    /**
     * Joins two inputs; output = the left columns, then the right ones. {@code condition} (over that combined row)
     * is null for a cross join. Outer joins fill the missing side with NULLs.
     */
    record Join(LogicalPlan left, LogicalPlan right, JoinType type, Expr condition) implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            List<DataType> types = new ArrayList<>(left.outputTypes());
            types.addAll(right.outputTypes());
            return types;
        }
    }

    /** The set operations. */
    enum SetOpKind { UNION, INTERSECT, EXCEPT }

    /**
     * {@code left UNION|INTERSECT|EXCEPT [ALL] right}: both inputs have the same column count and types (the binder
     * converts them to the common types). Without ALL, duplicates are removed (NULLs count as equal).
     */
    record SetOp(SetOpKind kind, boolean all, LogicalPlan left, LogicalPlan right) implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            return left.outputTypes();
        }
    }

    /** Keeps the rows for which {@code predicate} is TRUE. */
    record Filter(LogicalPlan input, Expr predicate) implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            return input.outputTypes();
        }
    }

    /** Computes one output column per expression. */
    record Project(LogicalPlan input, List<Expr> expressions) implements LogicalPlan {
        public Project {
            expressions = List.copyOf(expressions);
        }

        @Override
        public List<DataType> outputTypes() {
            List<DataType> types = new ArrayList<>();
            for (Expr e : expressions) {
                types.add(e.type());
            }
            return types;
        }
    }

    /**
     * Groups by {@code groupKeys}; output = the keys, then one column per aggregate. {@code groupingSets} lists the
     * grouping sets (GROUPING SETS, ROLLUP, CUBE) as positions in {@code groupKeys}: every input row is aggregated
     * once per set, and a key outside the row's set is NULL in the output. A plain GROUP BY has one set of all keys.
     */
    record Aggregate(LogicalPlan input, List<Expr> groupKeys, List<AggregateCall> aggregates,
                     List<List<Integer>> groupingSets) implements LogicalPlan {
        public Aggregate {
            groupKeys = List.copyOf(groupKeys);
            aggregates = List.copyOf(aggregates);
            List<List<Integer>> sets = new ArrayList<>();
            for (List<Integer> set : groupingSets) {
                sets.add(List.copyOf(set));
            }
            groupingSets = List.copyOf(sets);
        }

        /** A plain GROUP BY: one grouping set of all keys. */
        public Aggregate(LogicalPlan input, List<Expr> groupKeys, List<AggregateCall> aggregates) {
            this(input, groupKeys, aggregates, List.of(allKeys(groupKeys.size())));
        }

        /** The grouping set holding keys {@code 0..count-1}. */
        public static List<Integer> allKeys(int count) {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                all.add(i);
            }
            return all;
        }

        @Override
        public List<DataType> outputTypes() {
            List<DataType> types = new ArrayList<>();
            for (Expr e : groupKeys) {
                types.add(e.type());
            }
            for (AggregateCall a : aggregates) {
                types.add(a.resultType());
            }
            return types;
        }
    }

    /**
     * Computes window function calls over the input rows; output = the input columns, then one column per call.
     * Rows are not removed or merged, though their order may change.
     */
    record Window(LogicalPlan input, List<WindowCall> calls) implements LogicalPlan {
        public Window {
            calls = List.copyOf(calls);
        }

        @Override
        public List<DataType> outputTypes() {
            List<DataType> types = new ArrayList<>(input.outputTypes());
            for (WindowCall call : calls) {
                types.add(call.resultType());
            }
            return types;
        }
    }

    /** Removes duplicate rows (NULLs count as equal to each other here, as SQL's DISTINCT says). */
    record Distinct(LogicalPlan input) implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            return input.outputTypes();
        }
    }

    /**
     * {@code DISTINCT ON (...)}: keeps the first row (in input order) of each set of rows equal on the
     * {@code keyColumns}; NULLs count as equal.
     */
    record DistinctOn(LogicalPlan input, List<Integer> keyColumns) implements LogicalPlan {
        public DistinctOn {
            keyColumns = List.copyOf(keyColumns);
        }

        @Override
        public List<DataType> outputTypes() {
            return input.outputTypes();
        }
    }

    /**
     * {@code WITH RECURSIVE}: the rows of {@code anchor}, then the rows of {@code recursive} run over and over, each
     * time reading (through a {@link WorkingTableScan} of the same {@code table}) the rows the previous run added,
     * until a run adds none. Without {@code all}, duplicate rows are dropped (and not fed back).
     */
    record RecursiveUnion(LogicalPlan anchor, LogicalPlan recursive, boolean all, WorkingTable table)
            implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            return anchor.outputTypes();
        }
    }

    /** The rows the enclosing {@link RecursiveUnion} of {@code table} added in its previous step. */
    record WorkingTableScan(WorkingTable table, List<DataType> outputTypes) implements LogicalPlan {
        public WorkingTableScan {
            outputTypes = List.copyOf(outputTypes);
        }
    }

    /** The identity of one recursive WITH query's working table (compared by identity). */
    final class WorkingTable {
        private final String name;

        public WorkingTable(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Orders the rows. */
    record Sort(LogicalPlan input, List<SortKey> keys) implements LogicalPlan {
        public Sort {
            keys = List.copyOf(keys);
        }

        @Override
        public List<DataType> outputTypes() {
            return input.outputTypes();
        }
    }

    /** Skips {@code offset} rows then passes at most {@code limit} (null = no limit); both evaluated once. */
    record Limit(LogicalPlan input, Expr limit, Expr offset) implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            return input.outputTypes();
        }
    }

    /**
     * {@code EXPLAIN [ANALYZE] statement}: the physical plan of {@code input} (a query, or the rows a write
     * consumes, under the line {@code head}; null for a query), one line per operator (one VARCHAR column). With
     * {@code analyze} the query runs and each line tells the rows, batches and time its operator took.
     */
    record Explain(LogicalPlan input, String head, boolean analyze) implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            return List.of(DataType.VARCHAR);
        }
    }

    /** How {@code FOR UPDATE / FOR SHARE} treats a row another transaction has locked. */
    enum LockPolicy {
        /** Wait for it (up to the lock timeout). */
        WAIT,
        /** Fail at once with 55P03. */
        NOWAIT,
        /** Leave the row out of the result. */
        SKIP_LOCKED
    }

    /**
     * {@code SELECT ... FOR UPDATE / FOR SHARE}: locks the row version named by column {@code rowIdColumn} of
     * each input row of {@code table} (X or S, until the transaction ends), only as many as {@code offset + limit}
     * (null: all), so that {@code LIMIT 1 ... SKIP LOCKED} takes one row.
     */
    record LockRows(LogicalPlan input, TableDef table, int rowIdColumn, boolean exclusive, LockPolicy policy,
                    Expr limit, Expr offset) implements LogicalPlan {
        @Override
        public List<DataType> outputTypes() {
            return input.outputTypes();
        }
    }
}
