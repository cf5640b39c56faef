package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import java.util.List;

/**
 * A value of the session the statement runs in, read when it runs (never folded):
 * <ul>
 *   <li>{@code SETTING}: a run-time parameter as {@code SHOW name} and {@code current_setting('name')} give it;</li>
 *   <li>{@code CURRENT_SCHEMA}: {@code current_schema()}, the first existing schema of the search path, or NULL;</li>
 *   <li>{@code CURRENT_SCHEMAS}: {@code current_schemas(include_implicit)}, the existing schemas of the path (with
 *       {@code pg_catalog} first if {@code include_implicit}) as PostgreSQL prints a {@code name[]}: {@code
 *       {pg_catalog,public}} — RustyDB has no array type, so the value is that text.</li>
 * </ul>
 *
 * @param setting  the parameter's name for {@code SETTING}, else null
 * @param argument {@code include_implicit} (BOOLEAN) for {@code CURRENT_SCHEMAS}, else null
 */
public record SessionExpr(Kind kind, String setting, Expr argument) implements Expr {
    /** What is read. */
    public enum Kind {
        SETTING, CURRENT_SCHEMA, CURRENT_SCHEMAS
    }

    @Override
    public DataType type() {
        return DataType.VARCHAR;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        switch (kind) {
            case SETTING:
                return context.session().settings().show(setting);
            case CURRENT_SCHEMA: {
                List<String> existing = context.session().searchPath().existing(context.catalog());
                return existing.isEmpty() ? null : existing.get(0);
            }
            default: {
                Object implicit = argument.eval(batch, row, context);
                if (implicit == null) {
                    return null;
                }
                StringBuilder out = new StringBuilder("{");
                if ((Boolean) implicit) {
                    out.append(io.rustydb.sql.catalog.SchemaDef.PG_CATALOG);
                }
                for (String schema : context.session().searchPath().existing(context.catalog())) {
                    out.append(out.length() > 1 ? "," : "").append(
                            io.rustydb.sql.catalog.SearchPath.quoteIfNeeded(schema));
                }
                return out.append('}').toString();
            }
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SETTING -> "current_setting('" + setting + "')";
            case CURRENT_SCHEMA -> "current_schema()";
            case CURRENT_SCHEMAS -> "current_schemas(" + argument + ")";
        };
    }
}
