package io.rustydb.sql.expr;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.Catalog;
import io.rustydb.sql.catalog.QualifiedName;
import io.rustydb.sql.catalog.SearchPath;
import io.rustydb.sql.catalog.SequenceGenerator;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import java.util.List;
import java.util.Locale;

/**
 * A sequence function: {@code nextval(s)} (also {@code NEXT VALUE FOR s} and {@code s.NEXTVAL}), {@code currval(s)},
 * {@code setval(s, value [, is_called])} and {@code lastval()}. Volatile: evaluated for every row, never folded.
 * A constant name bound with the catalog at hand is resolved then (through the search path of the binding);
 * otherwise — a default such as SERIAL's {@code nextval('s.t_id_seq')} is bound before its sequence exists, or the
 * name is computed — the name is looked up when the expression runs, an unqualified one through the session's
 * search path; 42P01 if there is none.
 *
 * <p>{@code nextval} and {@code setval} change the sequence outside the transaction (see {@link SequenceGenerator});
 * they are refused in a read-only transaction (25006), and the transaction waits for the sequence's log record to
 * be durable before it hands the value out. Both note the value in the session for {@code currval}/{@code lastval}.
 *
 * @param sequence  the sequence's resolved name when it was a constant bound with the catalog, else null
 * @param name      the expression giving the name when it was not a constant (folded at run time), else null
 * @param arguments setval's value (BIGINT) and optional is_called (BOOLEAN); empty for the others
 */
public record SequenceExpr(Function function, QualifiedName sequence, Expr name, List<Expr> arguments) implements Expr {
    /** Which sequence function. */
    public enum Function {
        NEXTVAL, CURRVAL, SETVAL, LASTVAL
    }

    public SequenceExpr {
        arguments = List.copyOf(arguments);
    }

    @Override
    public DataType type() {
        return DataType.BIGINT;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        if (function == Function.LASTVAL) {
            return context.session().lastValue();
        }
        QualifiedName resolved = sequence;
        if (resolved == null) {
            Object written = name.eval(batch, row, context);
            if (written == null) {
                return null;
            }
            resolved = resolve(written.toString(), context.catalog(), context.session().searchPath());
        }
        SequenceGenerator generator = require(resolved, context.catalog());
        String target = Catalog.displayName(resolved);
        int id = generator.def().sequenceId();
        switch (function) {
            case CURRVAL:
                return context.session().currentValue(id, target);
            case NEXTVAL: {
                requireWritable(context, "nextval()");
                long value = generator.next();
                context.transaction().dependOnLog(generator.logPosition());
                context.session().noteSequenceValue(id, target, value);
                return value;
            }
            case SETVAL: {
                Object value = arguments.get(0).eval(batch, row, context);
                Object isCalled = arguments.size() > 1 ? arguments.get(1).eval(batch, row, context) : Boolean.TRUE;
                if (value == null || isCalled == null) {
                    return null;
                }
                requireWritable(context, "setval()");
                long v = (Long) value;
                generator.set(v, (Boolean) isCalled);
                context.transaction().dependOnLog(generator.logPosition());
                if ((Boolean) isCalled) {
                    context.session().noteSequenceValue(id, target, v);
                }
                return v;
            }
            default:
                throw DbException.internal("sequence function " + function);
        }
    }

    private static void requireWritable(ExecContext context, String what) {
        if (context.transaction().isReadOnly()) {
            throw new DbException(ErrorCode.READ_ONLY_TRANSACTION, what);
        }
    }

    /** The sequence {@code name}, or 42809 if another kind of object has that name, or 42P01. */
    public static SequenceGenerator require(QualifiedName name, Catalog catalog) {
        SequenceGenerator generator = catalog.findSequence(name);
        if (generator == null) {
            if (catalog.nameTaken(name)) {
                throw new DbException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + name.name() + "\" is not a sequence");
            }
            throw new DbException(ErrorCode.UNDEFINED_TABLE, Catalog.displayName(name));
        }
        return generator;
    }

    /**
     * A sequence name given as text ({@code 's'}, {@code 'sch.s'}, {@code '"S"'}: each part folded like an
     * identifier) resolved: in its schema if qualified, else in the first schema of {@code path} that has an object
     * of that name (or {@link SearchPath#fallback}, where a lookup then fails).
     */
    public static QualifiedName resolve(String written, Catalog catalog, SearchPath path) {
        List<String> parts = split(written);
        if (parts.size() == 2) {
            return new QualifiedName(catalog.schema(parts.get(0)).name(), parts.get(1));
        }
        List<String> existing = path.existing(catalog);
        for (String schema : existing) {
            QualifiedName candidate = new QualifiedName(schema, parts.get(0));
            if (catalog.nameTaken(candidate)) {
                return candidate;
            }
        }
        return new QualifiedName(path.fallback(catalog), parts.get(0));
    }

    /** {@code written} split at unquoted dots, each part folded; 42602 for more than two parts or an empty one. */
    public static List<String> split(String written) {
        List<String> parts = new java.util.ArrayList<>();
        String w = written.trim();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < w.length() && w.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                    wasQuoted = true;
                }
            } else if (c == '.' && !quoted) {
                parts.add(finish(part, wasQuoted, written));
                part.setLength(0);
                wasQuoted = false;
            } else {
                part.append(quoted ? c : Character.toLowerCase(c));
            }
        }
        parts.add(finish(part, wasQuoted, written));
        if (quoted || parts.size() > 2) {
            throw new DbException(ErrorCode.INVALID_NAME, written);
        }
        return parts;
    }

    private static String finish(StringBuilder part, boolean wasQuoted, String written) {
        String p = wasQuoted ? part.toString() : part.toString().trim();
        if (p.isEmpty()) {
            throw new DbException(ErrorCode.INVALID_NAME, written);
        }
        return p;
    }

    @Override
    public String toString() {
        String target = sequence != null ? "'" + sequence + "'" : String.valueOf(name);
        return function.name().toLowerCase(Locale.ROOT) + "(" + (function == Function.LASTVAL ? "" : target)
                + (arguments.isEmpty() ? "" : ", " + arguments) + ")";
    }
}
