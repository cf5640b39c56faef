package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.SessionExpr;
import java.util.List;
import java.util.Set;

/**
 * Binds the functions that read the session: {@code current_schema()}, {@code current_schemas(boolean)} and
 * {@code current_setting(text)} of a constant name (42704 for an unknown parameter is raised when it runs).
 */
final class SessionFunctions {
    private static final Set<String> NAMES = Set.of("current_schema", "current_schemas", "current_setting");

    private SessionFunctions() {
    }

    /** Whether {@code name} (lower case) is one of these functions. */
    static boolean handles(String name) {
        return NAMES.contains(name);
    }

    static Expr bind(String name, List<Expr> args) {
        switch (name) {
            case "current_schema":
                arity(name, args, 0);
                return new SessionExpr(SessionExpr.Kind.CURRENT_SCHEMA, null, null);
            case "current_schemas": {
                arity(name, args, 1);
                Expr implicit = args.get(0);
                if (implicit.type().id() != TypeId.BOOLEAN && implicit.type().id() != TypeId.NULL) {
                    throw new DbException(ErrorCode.UNDEFINED_FUNCTION, "current_schemas("
                            + implicit.type().sqlName() + ")");
                }
                return new SessionExpr(SessionExpr.Kind.CURRENT_SCHEMAS, null, implicit);
            }
            default: {
                arity(name, args, 1);
                if (!(args.get(0) instanceof Literal lit) || !lit.type().id().isString()) {
                    throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "current_setting of a name that is not "
                            + "a constant");
                }
                return new SessionExpr(SessionExpr.Kind.SETTING, lit.value().toString(), null);
            }
        }
    }

    private static void arity(String name, List<Expr> args, int count) {
        if (args.size() != count) {
            throw new DbException(ErrorCode.UNDEFINED_FUNCTION, name + " with " + args.size() + " arguments");
        }
    }
}
