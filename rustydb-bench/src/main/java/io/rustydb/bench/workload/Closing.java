package io.rustydb.bench.workload;

import java.sql.SQLException;

/**
 * Closes every one of several JDBC resources, even when some fail: the first failure is thrown, the others are
 * suppressed into it.
 */
final class Closing {
    private Closing() {
    }

    /** How one resource is closed ({@code PreparedStatement::close}, {@code MixClient::close}). */
    interface Closer<T> {
        void close(T resource) throws SQLException;
    }

    static <T> void closeAll(Iterable<T> resources, Closer<T> closer) throws SQLException {
        SQLException first = null;
        for (T resource : resources) {
            try {
                closer.close(resource);
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
