package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.expr.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.statement.select.GroupByElement;

/**
 * Binds a GROUP BY clause into grouping keys and grouping sets, PostgreSQL's way: the clause is a list of elements,
 * each a plain expression, {@code ()}, {@code ROLLUP(...)}, {@code CUBE(...)} or {@code GROUPING SETS (...)}; each
 * element stands for a list of grouping sets, and the clause for the cross product of its elements' lists (so
 * {@code GROUP BY a, ROLLUP(b, c)} is {@code (a, b, c), (a, b), (a)}). {@code ROLLUP(e1, ..., en)} is the n+1
 * prefixes, longest first; {@code CUBE(e1, ..., en)} all 2^n subsets; an element of either may be a parenthesised
 * list, which stays together. The keys are the distinct expressions of all sets; a set is a list of key positions.
 *
 * <p>JSqlParser 5.4 cannot parse {@code GROUPING SETS} after another element ({@code GROUP BY a, GROUPING SETS
 * (...)}: 42601); {@code GROUPING SETS ((a, b), (a, c))} says the same.
 */
final class GroupByBinder {
    /** PostgreSQL's limits: CUBE of at most 12 elements, at most 4096 grouping sets. */
    private static final int MAX_CUBE_ELEMENTS = 12;
    private static final int MAX_SETS = 4096;

    /** The bound GROUP BY: its keys (with their SQL text) and grouping sets (positions in {@code keys}). */
    record Grouping(List<String> keyTexts, List<Expr> keys, List<List<Integer>> sets) {
    }

    private GroupByBinder() {
    }

    /** Binds {@code groupBy} (null: no GROUP BY, gives null) with {@code keyBinder}, which binds over the input. */
    static Grouping bind(GroupByElement groupBy, ExpressionBinder keyBinder) {
        return bind(groupBy, keyBinder, java.util.function.UnaryOperator.identity());
    }

    /**
     * Like {@link #bind(GroupByElement, ExpressionBinder)}; each key first goes through {@code aliases}, which
     * replaces an output column's alias by the select item it names ({@link GroupByAliases}).
     */
    static Grouping bind(GroupByElement groupBy, ExpressionBinder keyBinder,
                         java.util.function.UnaryOperator<Expression> aliases) {
        if (groupBy == null) {
            return null;
        }
        List<List<Expression>> sets = List.of(List.of());
        if (groupBy.getGroupByExpressionList() != null) {
            for (Object element : groupBy.getGroupByExpressionList()) {
                sets = cross(sets, expand((Expression) element));
            }
        }
        if (groupBy.getGroupingSets() != null && !groupBy.getGroupingSets().isEmpty()) {
            List<List<Expression>> listed = new ArrayList<>();
            for (ExpressionList<Expression> item : groupBy.getGroupingSets()) {
                if (item instanceof ParenthesedExpressionList<?>) {
                    listed.add(new ArrayList<>(item));
                } else {
                    for (Expression e : item) {
                        listed.addAll(expand(e));
                    }
                }
                checkCount(listed.size());
            }
            sets = cross(sets, listed);
        }
        List<String> keyTexts = new ArrayList<>();
        List<Expr> keys = new ArrayList<>();
        List<List<Integer>> positions = new ArrayList<>();
        for (List<Expression> set : sets) {
            TreeSet<Integer> members = new TreeSet<>();
            for (Expression e : set) {
                members.add(keyPosition(aliases.apply(e), keyBinder, keyTexts, keys));
            }
            positions.add(new ArrayList<>(members));
        }
        return new Grouping(keyTexts, keys, positions);
    }

    /** The position of {@code e} among the keys, added if it is new (same text, or same bound expression). */
    private static int keyPosition(Expression e, ExpressionBinder keyBinder, List<String> keyTexts, List<Expr> keys) {
        String text = e.toString();
        int position = keyTexts.indexOf(text);
        if (position >= 0) {
            return position;
        }
        Expr bound = keyBinder.bind(e);
        position = keys.indexOf(bound);
        if (position >= 0) {
            return position;
        }
        keyTexts.add(text);
        keys.add(bound);
        return keys.size() - 1;
    }

    /** The grouping sets one GROUP BY element stands for. */
    private static List<List<Expression>> expand(Expression element) {
        if (element instanceof ParenthesedExpressionList<?> list) {
            return List.of(new ArrayList<>(list)); // () is the empty set; (a, b) groups by both
        }
        if (element instanceof Function f && f.getMultipartName().size() == 1 && f.getParameters() != null) {
            String name = f.getName().toLowerCase(Locale.ROOT);
            if (name.equals("rollup") || name.equals("cube")) {
                List<List<Expression>> parts = new ArrayList<>();
                if (f.getParameters() instanceof ParenthesedExpressionList<?> single) {
                    parts.add(new ArrayList<>(single)); // ROLLUP((a, b)): JSqlParser hands the one list over as is
                    return name.equals("rollup") ? rollup(parts) : cube(parts);
                }
                for (Object p : f.getParameters()) {
                    parts.add(p instanceof ParenthesedExpressionList<?> list ? new ArrayList<>(list)
                            : List.of((Expression) p));
                }
                return name.equals("rollup") ? rollup(parts) : cube(parts);
            }
        }
        return List.of(List.of(element));
    }

    private static List<List<Expression>> rollup(List<List<Expression>> parts) {
        List<List<Expression>> sets = new ArrayList<>();
        for (int n = parts.size(); n >= 0; n--) {
            List<Expression> set = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                set.addAll(parts.get(i));
            }
            sets.add(set);
        }
        return sets;
    }

    private static List<List<Expression>> cube(List<List<Expression>> parts) {
        if (parts.size() > MAX_CUBE_ELEMENTS) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "CUBE is limited to 12 elements");
        }
        int n = parts.size();
        List<List<Expression>> sets = new ArrayList<>();
        for (int mask = (1 << n) - 1; mask >= 0; mask--) {
            List<Expression> set = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << (n - 1 - i))) != 0) {
                    set.addAll(parts.get(i));
                }
            }
            sets.add(set);
        }
        return sets;
    }

    /** Every set of {@code left} joined with every set of {@code right}. */
    private static List<List<Expression>> cross(List<List<Expression>> left, List<List<Expression>> right) {
        checkCount((long) left.size() * right.size());
        List<List<Expression>> out = new ArrayList<>();
        for (List<Expression> l : left) {
            for (List<Expression> r : right) {
                List<Expression> set = new ArrayList<>(l);
                set.addAll(r);
                out.add(set);
            }
        }
        return out;
    }

    private static void checkCount(long sets) {
        if (sets > MAX_SETS) {
            throw new DbException(ErrorCode.PROGRAM_LIMIT_EXCEEDED, "too many grouping sets present (maximum 4096)");
        }
    }
}
