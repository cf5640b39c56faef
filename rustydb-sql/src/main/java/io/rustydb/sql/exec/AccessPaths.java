package io.rustydb.sql.exec;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.ArithmeticExpr;
import io.rustydb.sql.expr.AssignmentCastExpr;
import io.rustydb.sql.expr.CastExpr;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.CompareOp;
import io.rustydb.sql.expr.ComparisonExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.InListExpr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.LogicalExpr;
import io.rustydb.sql.expr.NegateExpr;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.plan.SortKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses how to read one table: through an index when the WHERE clause pins its leading columns, or when an
 * ORDER BY asks for the order an index has. Rule-based for now (the cost model comes with the planner work):
 * <ol>
 *   <li>a unique index with every column pinned by {@code col = value} (at most one row);</li>
 *   <li>otherwise the index with the most leading columns pinned by equalities, then one with an IN list or a
 *       range ({@code <, <=, >, >=, BETWEEN}) on the next column;</li>
 *   <li>for ORDER BY [LIMIT]: an index whose columns after the pinned ones are the sort keys in order, all in the
 *       index's direction (a forward scan) or all reversed (a backward scan), NULL placement included.</li>
 * </ol>
 * "Value" means an expression over no column: literals, parameters and arithmetic or casts of them. Comparisons
 * between a column and a value of another type family (an INTEGER column with a VARCHAR value, a CHAR column) are
 * left to the filter.
 */
final class AccessPaths {
    private AccessPaths() {
    }

    /** A chosen path: the index, what it reads, and the pinned-column count (for ranking). */
    private record Candidate(IndexDef index, IndexScanOperator.IndexBounds bounds, int score) {
    }

    /** An index scan for {@code predicate} (null = none) over {@code table}, or null if no index helps. */
    static PhysicalOperator forFilter(TableDef table, Expr predicate, boolean withRowId) {
        List<Expr> conjuncts = conjuncts(predicate);
        Candidate best = null;
        for (IndexDef index : table.indexes()) {
            Candidate c = match(table, index, conjuncts);
            if (c != null && (best == null || c.score() > best.score())) {
                best = c;
            }
        }
        return best == null ? null : new IndexScanOperator(table, best.index(), best.bounds(), false, withRowId);
    }

    /**
     * An index scan over {@code table} delivering rows ordered by {@code keys} (table column positions), filtered
     * by {@code predicate} (null = none) as far as the index allows, or null if no index has that order.
     */
    static PhysicalOperator forOrder(TableDef table, Expr predicate, List<SortKey> keys, boolean withRowId) {
        List<Expr> conjuncts = conjuncts(predicate);
        for (IndexDef index : table.indexes()) {
            if (index.method() != IndexDef.IndexMethod.BTREE) {
                continue;
            }
            Candidate c = match(table, index, conjuncts);
            IndexScanOperator.IndexBounds bounds = c == null
                    ? new IndexScanOperator.IndexBounds(List.of(), null, null, false, null, false) : c.bounds();
            if (bounds.inList() != null) {
                continue; // several ranges: their concatenation is not ordered by the next column
            }
            int pinned = bounds.equalities().size();
            if (pinned + keys.size() > index.columns().size()) {
                continue;
            }
            Boolean reversed = null;
            boolean fits = true;
            for (int i = 0; i < keys.size() && fits; i++) {
                IndexDef.IndexColumn column = index.columns().get(pinned + i);
                SortKey key = keys.get(i);
                if (column.column() != key.column()) {
                    fits = false;
                } else if (column.descending() == key.descending() && column.nullsFirst() == key.nullsFirst()) {
                    fits = reversed == null || !reversed;
                    reversed = false;
                } else if (column.descending() != key.descending() && column.nullsFirst() != key.nullsFirst()) {
                    fits = reversed == null || reversed;
                    reversed = true;
                } else {
                    fits = false;
                }
            }
            if (fits) {
                return new IndexScanOperator(table, index, bounds, reversed != null && reversed, withRowId);
            }
        }
        return null;
    }

    private static Candidate match(TableDef table, IndexDef index, List<Expr> conjuncts) {
        List<Expr> equalities = new ArrayList<>();
        int k = 0;
        for (; k < index.columns().size(); k++) {
            Expr value = equalityValue(table, index.columns().get(k).column(), conjuncts);
            if (value == null) {
                break;
            }
            equalities.add(value);
        }
        boolean hash = index.method() == IndexDef.IndexMethod.HASH;
        if (hash && k < index.columns().size()) {
            return null; // a hash index answers only for all its columns pinned
        }
        if (k == index.columns().size()) {
            int score = index.unique() ? 1000 : 100 * k;
            return new Candidate(index, new IndexScanOperator.IndexBounds(equalities, null, null, false, null, false),
                    score);
        }
        int next = index.columns().get(k).column();
        List<Expr> in = inListValues(table, next, conjuncts);
        if (in != null) {
            return new Candidate(index, new IndexScanOperator.IndexBounds(equalities, in, null, false, null, false),
                    100 * k + 50);
        }
        Expr low = null;
        boolean lowInclusive = false;
        Expr high = null;
        boolean highInclusive = false;
        for (Expr c : conjuncts) {
            if (!(c instanceof ComparisonExpr cmp)) {
                continue;
            }
            CompareOp op = cmp.op();
            Expr value;
            if (isColumn(cmp.left(), next) && isValue(cmp.right()) && comparable(table, next, cmp.right())) {
                value = cmp.right();
            } else if (isColumn(cmp.right(), next) && isValue(cmp.left()) && comparable(table, next, cmp.left())) {
                value = cmp.left();
                op = flip(op);
            } else {
                continue;
            }
            if ((op == CompareOp.GT || op == CompareOp.GE) && low == null) {
                low = value;
                lowInclusive = op == CompareOp.GE;
            } else if ((op == CompareOp.LT || op == CompareOp.LE) && high == null) {
                high = value;
                highInclusive = op == CompareOp.LE;
            }
        }
        if (low == null && high == null) {
            return k == 0 ? null : new Candidate(index,
                    new IndexScanOperator.IndexBounds(equalities, null, null, false, null, false), 100 * k);
        }
        return new Candidate(index, new IndexScanOperator.IndexBounds(equalities, null, low, lowInclusive, high,
                highInclusive), 100 * k + (low != null && high != null ? 40 : 30));
    }

    private static Expr equalityValue(TableDef table, int column, List<Expr> conjuncts) {
        for (Expr c : conjuncts) {
            if (c instanceof ComparisonExpr cmp && cmp.op() == CompareOp.EQ) {
                if (isColumn(cmp.left(), column) && isValue(cmp.right()) && comparable(table, column, cmp.right())) {
                    return cmp.right();
                }
                if (isColumn(cmp.right(), column) && isValue(cmp.left()) && comparable(table, column, cmp.left())) {
                    return cmp.left();
                }
            }
        }
        return null;
    }

    private static List<Expr> inListValues(TableDef table, int column, List<Expr> conjuncts) {
        for (Expr c : conjuncts) {
            if (c instanceof InListExpr in && !in.negated() && isColumn(in.operand(), column)) {
                boolean allValues = true;
                for (Expr e : in.elements()) {
                    allValues &= isValue(e) && comparable(table, column, e);
                }
                if (allValues) {
                    return in.elements();
                }
            }
        }
        return null;
    }

    private static CompareOp flip(CompareOp op) {
        switch (op) {
            case LT:
                return CompareOp.GT;
            case LE:
                return CompareOp.GE;
            case GT:
                return CompareOp.LT;
            case GE:
                return CompareOp.LE;
            default:
                return op;
        }
    }

    private static boolean isColumn(Expr e, int column) {
        return e instanceof ColumnRef ref && ref.index() == column;
    }

    /**
     * An expression over no column of its own row: its value is known when the scan opens (a column of an enclosing
     * query's row is fixed while a correlated subquery runs).
     */
    static boolean isValue(Expr e) {
        if (e instanceof Literal || e instanceof ParameterRef || e instanceof io.rustydb.sql.expr.OuterRef) {
            return true;
        }
        if (e instanceof CastExpr cast) {
            return isValue(cast.operand());
        }
        if (e instanceof AssignmentCastExpr cast) {
            return isValue(cast.operand());
        }
        if (e instanceof NegateExpr negate) {
            return isValue(negate.operand());
        }
        if (e instanceof ArithmeticExpr arithmetic) {
            return isValue(arithmetic.left()) && isValue(arithmetic.right());
        }
        return false;
    }

    /** Whether values of {@code value}'s type can be looked up in an index on the column (same type family). */
    static boolean comparable(TableDef table, int column, Expr value) {
        TypeId col = table.columns().get(column).type().id();
        DataType type = value.type();
        TypeId v = type.id();
        if (col == TypeId.CHAR || v == TypeId.CHAR) {
            return false; // blank-padded comparison rules: left to the filter
        }
        if (v == TypeId.NULL) {
            return true; // = NULL: matches nothing
        }
        if (col.isNumeric() && v.isNumeric()) {
            return true;
        }
        if (col.isString() && v.isString()) {
            return true;
        }
        return col == v;
    }

    /** The AND-ed parts of {@code predicate}. */
    static List<Expr> conjuncts(Expr predicate) {
        List<Expr> out = new ArrayList<>();
        collect(predicate, out);
        return out;
    }

    private static void collect(Expr e, List<Expr> out) {
        if (e == null) {
            return;
        }
        if (e instanceof LogicalExpr logical && logical.isAnd()) {
            collect(logical.left(), out);
            collect(logical.right(), out);
        } else {
            out.add(e);
        }
    }
}
