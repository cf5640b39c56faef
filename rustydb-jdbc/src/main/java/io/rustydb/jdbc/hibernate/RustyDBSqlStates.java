package io.rustydb.jdbc.hibernate;

import static org.hibernate.exception.spi.TemplatedViolatedConstraintNameExtractor.extractUsingTemplate;
import static org.hibernate.internal.util.JdbcExceptionHelper.extractSqlState;

import java.sql.SQLException;
import org.hibernate.QueryTimeoutException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException.ConstraintKind;
import org.hibernate.exception.LockAcquisitionException;
import org.hibernate.exception.LockTimeoutException;
import org.hibernate.exception.spi.SQLExceptionConversionDelegate;
import org.hibernate.exception.spi.TemplatedViolatedConstraintNameExtractor;
import org.hibernate.exception.spi.ViolatedConstraintNameExtractor;

/**
 * How RustyDB's SQLSTATEs (PostgreSQL's codes) become Hibernate exceptions, beyond what Hibernate's
 * SQLSTATE-class conversion already does (class 23 → {@code ConstraintViolationException}, class 42 →
 * {@code SQLGrammarException}, ...):
 *
 * <pre>
 *   23505 unique violation       → ConstraintViolationException, kind UNIQUE, the constraint's name
 *   23503 foreign key violation  → ConstraintViolationException, kind FOREIGN_KEY
 *   23502 not-null violation     → ConstraintViolationException, kind NOT_NULL (the column's name)
 *   23514 check violation        → ConstraintViolationException, kind CHECK
 *   40001 serialization failure  → LockAcquisitionException (retry the transaction)
 *   40P01 deadlock detected      → LockAcquisitionException
 *   55P03 lock not available     → LockTimeoutException (NOWAIT, lock_timeout)
 *   57014 statement canceled     → QueryTimeoutException (setQueryTimeout, cancel)
 * </pre>
 *
 * and which constraint an integrity error names: RustyDB words its messages as PostgreSQL does
 * ({@code violates unique constraint "uk_x"}, {@code null value in column "c" ...}).
 */
final class RustyDBSqlStates {
    private RustyDBSqlStates() {
    }

    /** The constraint named by a 23505 / 23503 / 23514 message, or the column of a 23502 one. */
    static final ViolatedConstraintNameExtractor CONSTRAINT_NAMES =
            new TemplatedViolatedConstraintNameExtractor(e -> {
                String state = extractSqlState(e);
                if (state == null || e.getMessage() == null) {
                    return null;
                }
                return switch (state) {
                    case "23505", "23503", "23514" -> extractUsingTemplate("constraint \"", "\"", e.getMessage());
                    case "23502" -> extractUsingTemplate("column \"", "\"", e.getMessage());
                    default -> null;
                };
            });

    /** Conversion of the states above; null lets Hibernate's generic conversion decide. */
    static final SQLExceptionConversionDelegate CONVERSION = (e, message, sql) -> {
        String state = extractSqlState(e);
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "23505" -> violation(e, message, sql, ConstraintKind.UNIQUE);
            case "23503" -> violation(e, message, sql, ConstraintKind.FOREIGN_KEY);
            case "23502" -> violation(e, message, sql, ConstraintKind.NOT_NULL);
            case "23514" -> violation(e, message, sql, ConstraintKind.CHECK);
            case "40001", "40P01" -> new LockAcquisitionException(message, e, sql);
            case "55P03" -> new LockTimeoutException(message, e, sql);
            case "57014" -> new QueryTimeoutException(message, e, sql);
            default -> null;
        };
    };

    private static ConstraintViolationException violation(SQLException e, String message, String sql,
            ConstraintKind kind) {
        return new ConstraintViolationException(message, e, sql, kind, CONSTRAINT_NAMES.extractConstraintName(e));
    }
}
