package io.rustydb.sql.expr;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.DataType;
import io.rustydb.sql.catalog.SequenceGenerator;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;
import java.util.List;
import java.util.Locale;

/**
 * A sequence function: {@code nextval(s)} (also {@code NEXT VALUE FOR s} and {@code s.NEXTVAL}), {@code currval(s)},
 * {@code setval(s, value [, is_called])} and {@code lastval()}. Volatile: evaluated for every row, never folded.
 * The sequence is looked up by name when the expression runs (a default such as SERIAL's
 * {@code nextval('t_id_seq')} is bound before its sequence exists); 42P01 if there is none.
 *
 * <p>{@code nextval} and {@code setval} change the sequence outside the transaction (see {@link SequenceGenerator});
 * they are refused in a read-only transaction (25006), and the transaction waits for the sequence's log record to
 * be durable before it hands the value out. Both note the value in the session for {@code currval}/{@code lastval}.
 *
 * @param sequence  the sequence's (case-folded) name when it was a constant, else null
 * @param name      the expression giving the name when it was not a constant (folded at run time), else null
 * @param arguments setval's value (BIGINT) and optional is_called (BOOLEAN); empty for the others
 */
public record SequenceExpr(Function function, String sequence, Expr name, List<Expr> arguments) implements Expr {
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
        String target = sequence;
        if (target == null) {
            Object written = name.eval(batch, row, context);
            if (written == null) {
                return null;
            }
            target = fold(written.toString());
        }
        SequenceGenerator generator = context.catalog().sequences().find(target);
        if (generator == null) {
            if (context.catalog().findTable(target) != null || context.catalog().findIndex(target) != null) {
                throw new DbException(ErrorCode.WRONG_OBJECT_TYPE, "\"" + target + "\" is not a sequence");
            }
            throw new DbException(ErrorCode.UNDEFINED_TABLE, target);
        }
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

    /** A sequence name given as text, folded like an identifier: {@code 'S'} is s, {@code '"S"'} is S. */
    private static String fold(String written) {
        String w = written.trim();
        if (w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"")) {
            return w.substring(1, w.length() - 1).replace("\"\"", "\"");
        }
        return w.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        String target = sequence != null ? "'" + sequence + "'" : String.valueOf(name);
        return function.name().toLowerCase(Locale.ROOT) + "(" + (function == Function.LASTVAL ? "" : target)
                + (arguments.isEmpty() ? "" : ", " + arguments) + ")";
    }
}
