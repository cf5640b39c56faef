package io.rustydb.sql.exec;

import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.LogicalExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the conjuncts that every branch of an OR shares out of it: {@code (A AND B) OR (A AND C)} becomes
 * {@code A AND (B OR C)}, which holds in SQL's three-valued logic too (AND and OR distribute over each other). A
 * shared join equality (TPC-H Q19's {@code p_partkey = l_partkey} repeated in each branch) then becomes a hash-join
 * key instead of a condition checked on a cross product. A branch left with nothing makes the OR true, so only the
 * shared conjuncts remain.
 */
final class CommonConjuncts {
    private CommonConjuncts() {
    }

    /** {@code conjuncts} with each OR among them split into its shared conjuncts and the OR of what remains. */
    static List<Expr> factor(List<Expr> conjuncts) {
        List<Expr> out = new ArrayList<>();
        for (Expr c : conjuncts) {
            if (c instanceof LogicalExpr l && !l.isAnd()) {
                out.addAll(factorOr(l));
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private static List<Expr> factorOr(LogicalExpr or) {
        List<List<Expr>> branches = new ArrayList<>();
        for (Expr branch : disjuncts(or)) {
            branches.add(AccessPaths.conjuncts(branch));
        }
        List<Expr> shared = new ArrayList<>();
        for (Expr candidate : branches.get(0)) {
            if (!shared.contains(candidate) && branches.stream().allMatch(b -> b.contains(candidate))) {
                shared.add(candidate);
            }
        }
        if (shared.isEmpty()) {
            return List.of(or);
        }
        List<Expr> out = new ArrayList<>(shared);
        Expr rest = null;
        for (List<Expr> branch : branches) {
            List<Expr> remaining = new ArrayList<>(branch);
            remaining.removeAll(shared);
            if (remaining.isEmpty()) {
                return out; // this branch is just the shared part: the OR adds nothing
            }
            Expr conjunction = remaining.get(0);
            for (int i = 1; i < remaining.size(); i++) {
                conjunction = new LogicalExpr(true, conjunction, remaining.get(i));
            }
            rest = rest == null ? conjunction : new LogicalExpr(false, rest, conjunction);
        }
        out.add(rest);
        return out;
    }

    private static List<Expr> disjuncts(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof LogicalExpr l && !l.isAnd()) {
            out.addAll(disjuncts(l.left()));
            out.addAll(disjuncts(l.right()));
        } else {
            out.add(e);
        }
        return out;
    }
}
