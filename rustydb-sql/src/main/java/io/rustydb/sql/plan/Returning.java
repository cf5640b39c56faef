package io.rustydb.sql.plan;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code RETURNING} list of an INSERT, UPDATE, DELETE or MERGE: one output column per expression, evaluated
 * once per row the statement changed. The expressions read a row made of the changed table's columns in table
 * order (the new values for INSERT and UPDATE, the old ones for DELETE), followed by the columns of the other
 * tables of the statement ({@code UPDATE ... FROM}, {@code DELETE ... USING}, MERGE's source) where it has any.
 */
public record Returning(List<Expr> expressions, List<String> columnNames) {
    public Returning {
        expressions = List.copyOf(expressions);
        columnNames = List.copyOf(columnNames);
    }

    /** The types of the output columns. */
    public List<DataType> outputTypes() {
        List<DataType> types = new ArrayList<>();
        for (Expr e : expressions) {
            types.add(e.type());
        }
        return types;
    }
}
