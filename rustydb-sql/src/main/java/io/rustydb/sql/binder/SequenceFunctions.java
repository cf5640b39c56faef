package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.Casts;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.QualifiedName;
import io.rustydb.sql.expr.CastExpr;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.ParameterRef;
import io.rustydb.sql.expr.SequenceExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Binds the sequence functions into {@link SequenceExpr}: {@code nextval('s')}, {@code currval('s')},
 * {@code setval('s', n [, is_called])}, {@code lastval()}, the standard {@code NEXT VALUE FOR s} and Oracle's
 * {@code s.NEXTVAL} / {@code s.CURRVAL}. A constant name is folded like an identifier ({@code 'S'} is s,
 * {@code '"S"'} is S) and, when the catalog is at hand, checked now (42P01, or 42809 for a table); stored defaults
 * are bound without the catalog and look their sequence up when they run.
 */
final class SequenceFunctions {
    private static final Set<String> NAMES = Set.of("nextval", "currval", "setval", "lastval");

    private SequenceFunctions() {
    }

    /** Whether {@code name} (lower case) is a sequence function. */
    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    /** {@code name(args)}, a sequence function; {@code catalog} may be null (a stored default). */
    static Expr bind(String name, List<Expr> args, Catalog catalog, ParameterTypes parameters) {
        SequenceExpr.Function function = SequenceExpr.Function.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        int min = function == SequenceExpr.Function.LASTVAL ? 0 : function == SequenceExpr.Function.SETVAL ? 2 : 1;
        int max = function == SequenceExpr.Function.SETVAL ? 3 : min;
        if (args.size() < min || args.size() > max) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with " + args.size() + " arguments");
        }
        if (function == SequenceExpr.Function.LASTVAL) {
            return new SequenceExpr(function, null, null, List.of());
        }
        List<Expr> rest = new ArrayList<>();
        if (function == SequenceExpr.Function.SETVAL) {
            rest.add(argument(args.get(1), DataType.BIGINT, parameters, name));
            if (args.size() == 3) {
                rest.add(argument(args.get(2), DataType.BOOLEAN, parameters, name));
            }
        }
        Expr target = argument(args.get(0), DataType.VARCHAR, parameters, name);
        if (target instanceof Literal lit) {
            if (lit.value() == null) {
                return new Literal(null, DataType.BIGINT);
            }
            if (catalog == null) { // a stored default: looked up when it runs
                SequenceExpr.split(lit.value().toString()); // 42602 now
                return new SequenceExpr(function, null, target, rest);
            }
            QualifiedName resolved = SequenceExpr.resolve(lit.value().toString(), catalog, Names.path());
            SequenceExpr.require(resolved, catalog);
            return new SequenceExpr(function, resolved, null, rest);
        }
        return new SequenceExpr(function, null, target, rest);
    }

    /**
     * {@code NEXT VALUE FOR s} (or {@code s.NEXTVAL}: {@code next} true) or {@code s.CURRVAL} of a resolved name
     * (42P01 / 42809 now).
     */
    static Expr named(QualifiedName sequence, boolean next, Catalog catalog) {
        SequenceExpr.require(sequence, catalog);
        return new SequenceExpr(next ? SequenceExpr.Function.NEXTVAL : SequenceExpr.Function.CURRVAL,
                sequence, null, List.of());
    }

    /**
     * {@code NEXT VALUE FOR [schema.]s} ({@code parts} as written): resolved now, or — bound without the catalog,
     * as a stored default is — looked up by name when it runs.
     */
    static Expr nextValueFor(List<String> parts, Catalog catalog) {
        if (catalog == null) {
            return new SequenceExpr(SequenceExpr.Function.NEXTVAL, null,
                    new Literal(String.join(".", parts), DataType.VARCHAR), List.of());
        }
        String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
        return named(Names.lookup(catalog, schema, parts.get(parts.size() - 1)), true, catalog);
    }

    /**
     * The sequence of Oracle's {@code [schema.]s.NEXTVAL}/{@code s.CURRVAL} ({@code qualifier} and {@code schema}
     * as written, {@code schema} null if not given) if there is one, else null.
     */
    static QualifiedName oracleCall(String schema, String qualifier, String name, Catalog catalog) {
        if (qualifier == null || catalog == null || !(name.equals("nextval") || name.equals("currval"))) {
            return null;
        }
        if (schema != null && catalog.findSchema(Identifiers.normalize(schema)) == null) {
            return null;
        }
        QualifiedName sequence = Names.lookup(catalog, schema, qualifier);
        return catalog.findSequence(sequence) != null ? sequence : null;
    }

    private static Expr argument(Expr e, DataType type, ParameterTypes parameters, String function) {
        if (e.type().equals(type)) {
            return e;
        }
        if (e instanceof ParameterRef p && p.type().equals(DataType.NULL)) {
            parameters.infer(p.index(), type);
            return new ParameterRef(p.index(), type);
        }
        if (e.type().id() == TypeId.NULL) {
            return new Literal(null, type);
        }
        boolean fits = type.id().isString() ? e.type().id().isString()
                : type.id() == TypeId.BOOLEAN ? e.type().id() == TypeId.BOOLEAN : e.type().id().isNumeric();
        if (!fits) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, function + " with an argument of type "
                    + e.type().sqlName());
        }
        if (e instanceof Literal lit) {
            return new Literal(Casts.cast(lit.value(), type), type);
        }
        return new CastExpr(e, type);
    }
}
