package io.rustydb.sql.expr;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.sql.exec.RowBatch;

/** A string without its trailing blanks: how CHAR(n) values compare (their padding is not significant). */
public record TrimTrailingBlanksExpr(Expr operand) implements Expr {
    @Override
    public DataType type() {
        return DataType.VARCHAR;
    }

    @Override
    public Object eval(RowBatch batch, int row, ExecContext context) {
        Object v = operand.eval(batch, row, context);
        if (v == null) {
            return null;
        }
        String s = (String) v;
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }
}
