package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.CheckDef;
import io.rustydb.sql.catalog.ColumnDef;
import io.rustydb.sql.catalog.ForeignKeyDef;
import io.rustydb.sql.catalog.IndexDef;
import io.rustydb.sql.catalog.SequenceDef;
import io.rustydb.sql.catalog.TableDef;
import io.rustydb.sql.catalog.ViewDef;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.plan.BoundStatement;
import io.rustydb.sql.plan.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code information_schema} views of the SQL standard, as PostgreSQL fills them: {@code schemata},
 * {@code tables}, {@code columns}, {@code views}, {@code table_constraints}, {@code key_column_usage},
 * {@code referential_constraints} and {@code sequences}. Each is a virtual table: its rows are made from the
 * catalog when a statement naming it is bound (as literal rows), and the plan is cached only for that catalog
 * version, so every statement sees the catalog as it is when it runs. Objects are in their schemas of catalog
 * {@code rustydb}; {@code schemata} lists the schemas and the system ones ({@code information_schema},
 * {@code pg_catalog}), the owner of a schema being its AUTHORIZATION role or else {@code rustydb}.
 */
final class InformationSchema {
    static final String SCHEMA = "information_schema";
    private static final String CATALOG = "rustydb";
    private static final DataType S = DataType.VARCHAR;
    private static final DataType I = DataType.INTEGER;

    private final Catalog catalog;
    private final List<String> names = new ArrayList<>();
    private final List<DataType> types = new ArrayList<>();
    private final List<List<Expr>> rows = new ArrayList<>();

    private InformationSchema(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The rows of view {@code name} of the information schema now; 42P01 for an unknown one. */
    static BoundStatement.Query query(Catalog catalog, String name) {
        InformationSchema v = new InformationSchema(catalog);
        switch (name) {
            case "schemata" -> v.schemata();
            case "tables" -> v.tables();
            case "columns" -> v.columns();
            case "views" -> v.views();
            case "table_constraints" -> v.tableConstraints();
            case "key_column_usage" -> v.keyColumnUsage();
            case "referential_constraints" -> v.referentialConstraints();
            case "sequences" -> v.sequences();
            default -> throw new DbException(ErrorCode.UNDEFINED_TABLE, SCHEMA + "." + name);
        }
        return new BoundStatement.Query(new LogicalPlan.Values(v.rows, v.types), v.names, List.of());
    }

    private void columns(Object... nameTypePairs) {
        for (int i = 0; i < nameTypePairs.length; i += 2) {
            names.add((String) nameTypePairs[i]);
            types.add((DataType) nameTypePairs[i + 1]);
        }
    }

    private void row(Object... values) {
        List<Expr> row = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            row.add(new Literal(values[i], types.get(i)));
        }
        rows.add(row);
    }

    private void schemata() {
        columns("catalog_name", S, "schema_name", S, "schema_owner", S);
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {SCHEMA, CATALOG});
        out.add(new String[] {io.rustydb.sql.catalog.SchemaDef.PG_CATALOG, CATALOG});
        for (io.rustydb.sql.catalog.SchemaDef schema : catalog.schemas()) {
            out.add(new String[] {schema.name(), schema.owner() == null ? CATALOG : schema.owner()});
        }
        out.sort((a, b) -> a[0].compareTo(b[0]));
        for (String[] schema : out) {
            row(CATALOG, schema[0], schema[1]);
        }
    }

    private void tables() {
        columns("table_catalog", S, "table_schema", S, "table_name", S, "table_type", S);
        List<Object[]> out = new ArrayList<>();
        for (TableDef t : catalog.tables()) {
            out.add(new Object[] {CATALOG, catalog.schemaOf(t), t.name(), "BASE TABLE"});
        }
        for (ViewDef v : catalog.views()) {
            out.add(new Object[] {CATALOG, catalog.schemaOf(v), v.name(), "VIEW"});
        }
        out.sort(java.util.Comparator.comparing((Object[] a) -> (String) a[1]).thenComparing(a -> (String) a[2]));
        out.forEach(this::row);
    }

    private void columns() {
        columns("table_catalog", S, "table_schema", S, "table_name", S, "column_name", S, "ordinal_position", I,
                "column_default", S, "is_nullable", S, "data_type", S, "character_maximum_length", I,
                "numeric_precision", I, "numeric_precision_radix", I, "numeric_scale", I, "udt_name", S);
        for (TableDef t : catalog.tables()) {
            for (int i = 0; i < t.columns().size(); i++) {
                ColumnDef c = t.columns().get(i);
                column(catalog.schemaOf(t), t.name(), c.name(), i, c.defaultSql(), c.nullable(), c.type());
            }
        }
        for (ViewDef v : catalog.views()) {
            List<DataType> viewTypes;
            try {
                viewTypes = Views.expand(catalog, v).plan().outputTypes();
            } catch (DbException e) {
                continue; // a view that no longer binds has no columns to show
            }
            for (int i = 0; i < v.columns().size(); i++) {
                column(catalog.schemaOf(v), v.name(), v.columns().get(i), i, null, true, viewTypes.get(i));
            }
        }
    }

    private void column(String schema, String table, String column, int index, String defaultSql, boolean nullable, DataType t) {
        Integer length = t.id().isString() && t.length() >= 0 && t.id() != io.rustydb.core.type.TypeId.TEXT
                ? t.length() : null;
        Integer precision = null;
        Integer radix = null;
        Integer scale = null;
        switch (t.id()) {
            case SMALLINT -> { precision = 16; radix = 2; scale = 0; }
            case INTEGER -> { precision = 32; radix = 2; scale = 0; }
            case BIGINT -> { precision = 64; radix = 2; scale = 0; }
            case REAL -> { precision = 24; radix = 2; }
            case DOUBLE -> { precision = 53; radix = 2; }
            case DECIMAL -> {
                radix = 10;
                if (t.precision() >= 0) {
                    precision = t.precision();
                    scale = t.scale();
                }
            }
            default -> { }
        }
        row(CATALOG, schema, table, column, index + 1, defaultSql, nullable ? "YES" : "NO", dataType(t), length,
                precision, radix, scale, udtName(t));
    }

    /** PostgreSQL's name of a type in {@code data_type}. */
    static String dataType(DataType t) {
        return switch (t.id()) {
            case BOOLEAN -> "boolean";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL -> "numeric";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case CHAR -> "character";
            case VARCHAR -> "character varying";
            case TEXT -> "text";
            case VARBINARY, BLOB -> "bytea";
            case DATE -> "date";
            case TIME -> "time without time zone";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMP_TZ -> "timestamp with time zone";
            case UUID -> "uuid";
            case INTERVAL -> "interval";
            default -> t.sqlName().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String udtName(DataType t) {
        return switch (t.id()) {
            case BOOLEAN -> "bool";
            case SMALLINT -> "int2";
            case INTEGER -> "int4";
            case BIGINT -> "int8";
            case DECIMAL -> "numeric";
            case REAL -> "float4";
            case DOUBLE -> "float8";
            case CHAR -> "bpchar";
            case VARCHAR -> "varchar";
            case TIMESTAMP -> "timestamp";
            case TIMESTAMP_TZ -> "timestamptz";
            default -> dataType(t);
        };
    }

    private void views() {
        columns("table_catalog", S, "table_schema", S, "table_name", S, "view_definition", S, "check_option", S,
                "is_updatable", S);
        for (ViewDef v : catalog.views()) {
            row(CATALOG, catalog.schemaOf(v), v.name(), v.sql(), "NONE", "NO");
        }
    }

    private void tableConstraints() {
        columns("constraint_catalog", S, "constraint_schema", S, "constraint_name", S, "table_catalog", S,
                "table_schema", S, "table_name", S, "constraint_type", S, "is_deferrable", S,
                "initially_deferred", S);
        for (TableDef t : catalog.tables()) {
            String schema = catalog.schemaOf(t);
            for (IndexDef index : t.indexes()) {
                if (index.unique()) {
                    row(CATALOG, schema, index.name(), CATALOG, schema, t.name(),
                            index.primaryKey() ? "PRIMARY KEY" : "UNIQUE", "NO", "NO");
                }
            }
            for (ForeignKeyDef key : t.foreignKeys()) {
                row(CATALOG, schema, key.name(), CATALOG, schema, t.name(), "FOREIGN KEY", "NO", "NO");
            }
            for (CheckDef check : t.checks()) {
                row(CATALOG, schema, check.name(), CATALOG, schema, t.name(), "CHECK", "NO", "NO");
            }
        }
    }

    private void keyColumnUsage() {
        columns("constraint_catalog", S, "constraint_schema", S, "constraint_name", S, "table_catalog", S,
                "table_schema", S, "table_name", S, "column_name", S, "ordinal_position", I,
                "position_in_unique_constraint", I);
        for (TableDef t : catalog.tables()) {
            String schema = catalog.schemaOf(t);
            for (IndexDef index : t.indexes()) {
                if (index.unique()) {
                    int[] positions = index.columnPositions();
                    for (int i = 0; i < positions.length; i++) {
                        row(CATALOG, schema, index.name(), CATALOG, schema, t.name(),
                                t.columns().get(positions[i]).name(), i + 1, null);
                    }
                }
            }
            for (ForeignKeyDef key : t.foreignKeys()) {
                int[] positions = key.columns();
                for (int i = 0; i < positions.length; i++) {
                    row(CATALOG, schema, key.name(), CATALOG, schema, t.name(), t.columns().get(positions[i]).name(),
                            i + 1, i + 1);
                }
            }
        }
    }

    private void referentialConstraints() {
        columns("constraint_catalog", S, "constraint_schema", S, "constraint_name", S,
                "unique_constraint_catalog", S, "unique_constraint_schema", S, "unique_constraint_name", S,
                "match_option", S, "update_rule", S, "delete_rule", S);
        for (TableDef t : catalog.tables()) {
            for (ForeignKeyDef key : t.foreignKeys()) {
                TableDef parent = catalog.tableById(key.parentTableId());
                String unique = null;
                if (parent != null) {
                    java.util.Set<Integer> wanted = new java.util.HashSet<>();
                    for (int c : key.parentColumns()) {
                        wanted.add(c);
                    }
                    for (IndexDef index : parent.indexes()) {
                        java.util.Set<Integer> has = new java.util.HashSet<>();
                        for (int c : index.columnPositions()) {
                            has.add(c);
                        }
                        if (index.unique() && has.equals(wanted)) {
                            unique = index.name();
                            break;
                        }
                    }
                }
                row(CATALOG, catalog.schemaOf(t), key.name(), CATALOG,
                        parent == null ? null : catalog.schemaOf(parent), unique, "NONE", key.onUpdate().sql(),
                        key.onDelete().sql());
            }
        }
    }

    private void sequences() {
        columns("sequence_catalog", S, "sequence_schema", S, "sequence_name", S, "data_type", S,
                "numeric_precision", I, "numeric_precision_radix", I, "numeric_scale", I, "start_value", S,
                "minimum_value", S, "maximum_value", S, "increment", S, "cycle_option", S);
        for (SequenceDef s : catalog.sequences().all()) {
            int precision = switch (s.type().id()) {
                case SMALLINT -> 16;
                case INTEGER -> 32;
                default -> 64;
            };
            row(CATALOG, catalog.schemaOf(s), s.name(), dataType(s.type()), precision, 2, 0, Long.toString(s.start()),
                    Long.toString(s.minValue()), Long.toString(s.maxValue()), Long.toString(s.increment()),
                    s.cycle() ? "YES" : "NO");
        }
    }
}
