package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.expr.ColumnRef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.OuterRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns a name can refer to at one point of a query: each with the table (or alias) it comes from and its
 * position in the input rows. Resolves qualified and unqualified names, reporting 42703 and 42702.
 */
final class Scope {
    /**
     * One visible column. A {@code merged} column is the right-hand copy of a JOIN ... USING column: reachable by
     * its qualified name only, and left out of {@code *}.
     */
    record Entry(String qualifier, String name, DataType type, int index, boolean merged) {
        Entry(String qualifier, String name, DataType type, int index) {
            this(qualifier, name, type, index, false);
        }
    }

    private final List<Entry> entries;
    private final Scope parent;
    private final java.util.Map<String, io.rustydb.sql.plan.BoundStatement.Query> ctes;

    private Scope(List<Entry> entries) {
        this(entries, null, java.util.Map.of());
    }

    private Scope(List<Entry> entries, Scope parent, java.util.Map<String, io.rustydb.sql.plan.BoundStatement.Query> ctes) {
        this.entries = List.copyOf(entries);
        this.parent = parent;
        this.ctes = ctes;
    }

    /** This scope inside a subquery whose enclosing query's columns are {@code outer} (for correlation). */
    Scope withParent(Scope outer) {
        return new Scope(entries, outer, outer == null ? ctes : merge(outer.ctes, ctes));
    }

    /** This scope with the named queries of a WITH clause visible (to FROM clauses inside it, subqueries too). */
    Scope withCtes(java.util.Map<String, io.rustydb.sql.plan.BoundStatement.Query> more) {
        return new Scope(entries, parent, merge(ctes, more));
    }

    /** A scope with no columns that keeps this one's WITH queries (for queries that must not see columns). */
    Scope ctesOnly() {
        return new Scope(List.of(), null, ctes);
    }

    /** The WITH query named {@code name} visible here, or null. */
    io.rustydb.sql.plan.BoundStatement.Query cte(String name) {
        return ctes.get(name);
    }

    java.util.Map<String, io.rustydb.sql.plan.BoundStatement.Query> ctes() {
        return ctes;
    }

    private static java.util.Map<String, io.rustydb.sql.plan.BoundStatement.Query> merge(
            java.util.Map<String, io.rustydb.sql.plan.BoundStatement.Query> outer,
            java.util.Map<String, io.rustydb.sql.plan.BoundStatement.Query> inner) {
        if (inner.isEmpty()) {
            return outer;
        }
        java.util.Map<String, io.rustydb.sql.plan.BoundStatement.Query> all = new java.util.HashMap<>(outer);
        all.putAll(inner);
        return all;
    }

    static Scope empty() {
        return new Scope(List.of());
    }

    /** The columns of {@code table}, visible as {@code qualifier.column} and {@code column}. */
    static Scope of(TableDef table, String qualifier) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            ColumnDef c = table.columns().get(i);
            entries.add(new Entry(qualifier, c.name(), c.type(), i));
        }
        return new Scope(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The qualifiers (table names or aliases) in scope. */
    java.util.Set<String> qualifiers() {
        java.util.Set<String> q = new java.util.LinkedHashSet<>();
        for (Entry e : entries) {
            q.add(e.qualifier());
        }
        return q;
    }

    /**
     * The columns of a join: {@code left}'s, then {@code right}'s shifted after them; the right-hand copies of the
     * {@code usingColumns} are marked merged. 42712 if a qualifier is on both sides.
     */
    static Scope join(Scope left, Scope right, java.util.Set<String> usingColumns) {
        for (String q : right.qualifiers()) {
            if (left.qualifiers().contains(q)) {
                throw new DbException(ErrorCode.DUPLICATE_ALIAS, q);
            }
        }
        List<Entry> all = new ArrayList<>(left.entries);
        int offset = left.entries.size();
        for (Entry e : right.entries) {
            all.add(new Entry(e.qualifier(), e.name(), e.type(), e.index() + offset,
                    e.merged() || usingColumns.contains(e.name())));
        }
        return new Scope(all, null, left.ctes);
    }

    int size() {
        return entries.size();
    }

    /**
     * Resolves {@code qualifier.name} ({@code qualifier} may be null): a column of this scope, else (in a subquery)
     * of an enclosing query, as an {@link OuterRef}.
     */
    Expr resolve(String qualifier, String name) {
        Entry found = find(qualifier, name);
        if (found != null) {
            return new ColumnRef(found.index(), found.type(), found.name());
        }
        int depth = 1;
        for (Scope outer = parent; outer != null; outer = outer.parent, depth++) {
            Entry e = outer.find(qualifier, name);
            if (e != null) {
                return new OuterRef(depth, e.index(), e.type(), e.name());
            }
        }
        boolean knownQualifier = false;
        for (Scope s = this; s != null; s = s.parent) {
            knownQualifier |= qualifier != null && s.entries.stream().anyMatch(e -> qualifier.equals(e.qualifier()));
        }
        if (qualifier != null && !knownQualifier) {
            throw new DbException(ErrorCode.UNDEFINED_TABLE, qualifier);
        }
        throw new DbException(ErrorCode.UNDEFINED_COLUMN, qualifier == null ? name : qualifier + "." + name);
    }

    private Entry find(String qualifier, String name) {
        Entry found = null;
        for (Entry e : entries) {
            if (e.name().equals(name) && (qualifier == null ? !e.merged() : qualifier.equals(e.qualifier()))) {
                if (found != null) {
                    throw new DbException(ErrorCode.AMBIGUOUS_COLUMN, name);
                }
                found = e;
            }
        }
        return found;
    }
}
