package io.rustydb.sql.binder;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.core.type.ArithmeticOp;
import io.rustydb.core.type.DataType;
import io.rustydb.core.type.IntervalQualifier;
import io.rustydb.core.type.IntervalText;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.expr.Expr;
import io.rustydb.sql.expr.Literal;
import io.rustydb.sql.expr.ParameterRef;
import net.sf.jsqlparser.expression.IntervalExpression;

/**
 * Interval literals and untyped literals that must be read as intervals:
 * <ul>
 *   <li>{@code INTERVAL 'text' [qualifier]} (also {@code INTERVAL 3 DAY}): the text read by {@link IntervalText}
 *       under the {@link IntervalQualifier}, so {@code INTERVAL '3' DAY} is 3 days and
 *       {@code INTERVAL '90' DAY (3)} (TPC-H's spelling) 90 days; bad text is 22007, a bad qualifier 42601.</li>
 *   <li>{@code timestamp + 'text'} and {@code timestamp + ?}: the only {@code +} a TIMESTAMP [WITH TIME ZONE] has with a string is with an
 *       interval, so the literal is read as one (PostgreSQL's operator resolution; {@code timestamp - 'text'}
 *       reads a timestamp, as there).</li>
 * </ul>
 */
final class IntervalLiterals {
    private IntervalLiterals() {
    }

    static Literal bind(IntervalExpression e) {
        if (e.getExpression() != null || e.getParameter() == null) {
            throw new DbException(ErrorCode.FEATURE_NOT_SUPPORTED, "INTERVAL with an expression: " + e);
        }
        String text = e.getParameter().trim();
        if (text.length() >= 2 && text.startsWith("'") && text.endsWith("'")) {
            text = text.substring(1, text.length() - 1).replace("''", "'");
        }
        IntervalQualifier qualifier = null;
        if (e.getIntervalQualifier() != null) {
            var q = e.getIntervalQualifier();
            String leading = q.getLeadingField();
            if (q.getTrailingField() == null && q.getFractionalSecondsPrecision() != null) {
                leading = leading + "(" + q.getFractionalSecondsPrecision() + ")";
            } else if (q.getTrailingField() == null && q.getLeadingFieldPrecision() != null
                    && leading.equalsIgnoreCase("second")) {
                leading = leading + "(" + q.getLeadingFieldPrecision() + ")";
            }
            String trailing = q.getTrailingField();
            if (trailing != null && q.getFractionalSecondsPrecision() != null) {
                trailing = trailing + "(" + q.getFractionalSecondsPrecision() + ")";
            }
            qualifier = IntervalQualifier.of(leading, trailing);
        } else if (e.getIntervalType() != null) {
            qualifier = IntervalQualifier.of(e.getIntervalType(), null);
        }
        return new Literal(IntervalText.parse(text, qualifier), DataType.INTERVAL);
    }

    /**
     * INTERVAL when {@code operand} is a string literal or an untyped parameter added to a timestamp (the type it
     * must then take); else {@code null}.
     */
    static DataType untypedOperandType(ArithmeticOp op, Expr operand, DataType other) {
        boolean untyped = operand instanceof Literal lit && lit.value() instanceof String
                || operand instanceof ParameterRef p && p.type().id() == TypeId.NULL;
        return op == ArithmeticOp.ADD && untyped && (other.id() == TypeId.TIMESTAMP || other.id() == TypeId.TIMESTAMP_TZ)
                ? DataType.INTERVAL : null;
    }
}
