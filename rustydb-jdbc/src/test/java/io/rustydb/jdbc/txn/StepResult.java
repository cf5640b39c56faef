package io.rustydb.jdbc.txn;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What one step of a {@link Txn} produced: the rows of a query (each row its values joined by commas, e.g.
 * {@code "1,10"}), the update count of any other statement, or the {@link SQLException} it raised.
 */
record StepResult(List<String> rows, int count, SQLException error) {

    /** Runs {@code sql} on {@code statement} and captures the outcome; a SQL error is a result, not a throw. */
    static StepResult run(Statement statement, String sql) {
        try {
            if (!statement.execute(sql)) {
                return new StepResult(null, statement.getUpdateCount(), null);
            }
            try (ResultSet rs = statement.getResultSet()) {
                int columns = rs.getMetaData().getColumnCount();
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        row.append(i > 1 ? "," : "").append(rs.getObject(i));
                    }
                    rows.add(row.toString());
                }
                return new StepResult(rows, -1, null);
            }
        } catch (SQLException e) {
            return new StepResult(null, -1, e);
        }
    }

    boolean failed() {
        return error != null;
    }

    /** The SQLSTATE of the error, or null when the step succeeded. */
    String sqlState() {
        return error == null ? null : error.getSQLState();
    }

    /** For assertion messages. */
    String describe() {
        if (error != null) {
            return "error " + error.getSQLState() + " (" + error.getMessage() + ")";
        }
        return rows != null ? "rows " + rows : "update count " + count;
    }
}
