package io.rustydb.jdbc;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * The one place where RustyDB's internal errors become {@link SQLException}s: the subclass follows the SQLSTATE
 * class (22 data, 23 integrity, 40 rollback, 42 syntax/access, 0A not supported, 08 connection), the vendor code
 * is the {@link ErrorCode}'s. Anything else that escapes the engine is a bug and is reported as XX000, never as
 * a bare stack trace.
 */
public final class SqlExceptions {
    private SqlExceptions() {
    }

    /** Converts any throwable from the engine. */
    public static SQLException of(Throwable t) {
        if (t instanceof SQLException e) {
            return e;
        }
        if (t instanceof DbException e) {
            return create(e.getMessage(), e.sqlState(), e.code().vendorCode(), e);
        }
        DbException internal = DbException.internal(t.toString());
        return create(internal.getMessage(), internal.sqlState(), internal.code().vendorCode(), t);
    }

    /** An error raised by the JDBC layer itself for {@code code}. */
    public static SQLException of(ErrorCode code, Object... args) {
        return of(new DbException(code, args));
    }

    /** The 08003 error for a call on a closed object. */
    public static SQLException closed(String what) {
        return of(ErrorCode.OBJECT_CLOSED, what);
    }

    /** The 0A000 error for a JDBC feature that is not implemented. */
    public static SQLFeatureNotSupportedException notSupported(String feature) {
        return (SQLFeatureNotSupportedException) of(ErrorCode.FEATURE_NOT_SUPPORTED, feature);
    }

    /** The 0A000 error of {@code unwrap} for an interface the object does not implement. */
    static SQLException notAWrapperFor(Class<?> iface) {
        return new SQLException("not a wrapper for " + iface.getName(), "0A000");
    }

    static SQLException create(String message, String state, int vendorCode, Throwable cause) {
        String cls = state.substring(0, 2);
        SQLException e;
        switch (cls) {
            case "0A":
                e = new SQLFeatureNotSupportedException(message, state, vendorCode);
                break;
            case "08":
                e = new SQLNonTransientConnectionException(message, state, vendorCode);
                break;
            case "22":
                e = new SQLDataException(message, state, vendorCode);
                break;
            case "23":
                e = new SQLIntegrityConstraintViolationException(message, state, vendorCode);
                break;
            case "28":
                e = new SQLInvalidAuthorizationSpecException(message, state, vendorCode);
                break;
            case "40":
                e = new SQLTransactionRollbackException(message, state, vendorCode);
                break;
            case "42":
                e = new SQLSyntaxErrorException(message, state, vendorCode);
                break;
            case "57":
                e = state.equals("57014") ? new SQLTimeoutException(message, state, vendorCode) : new SQLException(message, state, vendorCode);
                break;
            case "55":
                e = state.equals("55P03") ? new SQLTransientException(message, state, vendorCode) : new SQLException(message, state, vendorCode);
                break;
            default:
                e = new SQLException(message, state, vendorCode);
                break;
        }
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }
}
