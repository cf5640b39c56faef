package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.QualifiedName;
import io.rustydb.sql.catalog.SchemaDef;
import io.rustydb.sql.catalog.SearchPath;
import java.util.List;
import net.sf.jsqlparser.schema.Table;

/**
 * Resolves the names of tables, views, indexes and sequences as written ({@code t} or {@code s.t}) to their
 * {@link QualifiedName}: a qualified name names its schema (3F000 if there is none); an unqualified one is looked up
 * through the search path of the statement being bound — the first schema that has an object of that name (of any
 * kind: they share a namespace) — and a name being created goes to the path's first existing schema.
 *
 * <p>The path is the session's, set around the binding of one statement with {@link #bindingWith} (a view's query
 * is bound with the path the view was created with); binding on a thread outside such a scope uses
 * {@link SearchPath#DEFAULT}.
 */
public final class Names {
    private static final ThreadLocal<SearchPath> PATH = new ThreadLocal<>();

    private Names() {
    }

    /** Restores the previous path when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Makes {@code path} the search path of binding on this thread until the returned scope is closed. */
    public static Scope bindingWith(SearchPath path) {
        SearchPath previous = PATH.get();
        PATH.set(path);
        return () -> {
            if (previous == null) {
                PATH.remove();
            } else {
                PATH.set(previous);
            }
        };
    }

    /** The search path of the statement being bound. */
    public static SearchPath path() {
        SearchPath path = PATH.get();
        return path == null ? SearchPath.DEFAULT : path;
    }

    /** {@code table}'s name resolved for a lookup (see {@link #lookup(Catalog, String, String)}). */
    static QualifiedName lookup(Catalog catalog, Table table) {
        return lookup(catalog, table.getSchemaName(), table.getName());
    }

    /**
     * The object named {@code name} ({@code schema} null: unqualified), both as written: in its schema if
     * qualified (3F000 if the schema does not exist); else in the first schema of the search path that has an
     * object of that name, or — when none has — in {@link SearchPath#fallback}, where lookups find nothing (so the
     * caller reports 42P01, or goes on for IF EXISTS).
     */
    public static QualifiedName lookup(Catalog catalog, String schema, String name) {
        String object = Identifiers.normalize(name);
        if (schema != null) {
            return new QualifiedName(existingSchema(catalog, Identifiers.normalize(schema)), object);
        }
        List<String> existing = path().existing(catalog);
        for (String candidate : existing) {
            QualifiedName qualified = new QualifiedName(candidate, object);
            if (catalog.nameTaken(qualified)) {
                return qualified;
            }
        }
        return new QualifiedName(path().fallback(catalog), object);
    }

    /** {@code table}'s name resolved for a CREATE (see {@link #forCreate(Catalog, String, String)}). */
    static QualifiedName forCreate(Catalog catalog, Table table) {
        return forCreate(catalog, table.getSchemaName(), table.getName());
    }

    /**
     * Where an object named {@code name} ({@code schema} null: unqualified) is created: in its schema if qualified
     * (3F000 if there is none; 42501 for a system schema), else in the first existing schema of the search path
     * (3F000 if none exists).
     */
    public static QualifiedName forCreate(Catalog catalog, String schema, String name) {
        String object = Identifiers.normalize(name);
        if (schema != null) {
            String folded = Identifiers.normalize(schema);
            if (SchemaDef.isSystem(folded)) {
                throw new DbException(ErrorCode.INSUFFICIENT_PRIVILEGE, "permission denied to create \"" + folded
                        + "." + object + "\": " + folded + " is a system schema");
            }
            return new QualifiedName(existingSchema(catalog, folded), object);
        }
        return new QualifiedName(path().creationSchema(catalog), object);
    }

    private static String existingSchema(Catalog catalog, String schema) {
        return catalog.schema(schema).name();
    }

    /**
     * For a column reference {@code schema.table.column}: 3F000 if the schema does not exist, 42P01 if it holds no
     * table or view {@code table} (the FROM clause must name that relation, which the scope then checks).
     */
    static void checkColumnQualifier(Catalog catalog, String schema, String table) {
        QualifiedName name = new QualifiedName(existingSchema(catalog, Identifiers.normalize(schema)), table);
        if (catalog.findTable(name) == null && catalog.findView(name) == null) {
            throw new DbException(ErrorCode.UNDEFINED_TABLE, Catalog.displayName(name));
        }
    }
}
