package io.rustydb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.Test;

/**
 * {@link RustyDataSource} as a {@code DataSource} (JavaBean configuration, many connections from many threads to one
 * embedded database, errors for a missing URL or an unknown option) and as a {@code ConnectionPoolDataSource}
 * (logical handles: close returns the physical connection to the pool, rolls back what was left open, and a closed
 * handle fails with 08003).
 */
class DataSourceTest {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private static RustyDataSource dataSource() {
        RustyDataSource ds = new RustyDataSource();
        ds.setUrl("jdbc:rustydb:mem:datasource" + NEXT.incrementAndGet());
        return ds;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void manyThreadsWriteThroughOneDataSource() throws Exception {
        RustyDataSource ds = dataSource();
        try (Connection keep = ds.getConnection(); Statement s = keep.createStatement()) {
            s.execute("CREATE TABLE hits (worker INTEGER, n INTEGER)");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int worker = t;
                futures.add(pool.submit(() -> {
                    try (Connection c = ds.getConnection();
                         PreparedStatement insert = c.prepareStatement("INSERT INTO hits VALUES (?, ?)")) {
                        c.setAutoCommit(false);
                        for (int i = 0; i < 50; i++) {
                            insert.setInt(1, worker);
                            insert.setInt(2, i);
                            insert.executeUpdate();
                            c.commit();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(400, count(keep, "hits"));
        }
    }

    @Test
    void aDataSourceNeedsAUrlAndKnownOptions() {
        RustyDataSource ds = new RustyDataSource();
        assertEquals("08001", assertThrows(SQLException.class, ds::getConnection).getSQLState());
        ds.setUrl("jdbc:rustydb:mem:badoption;no_such_option=1");
        assertThrows(SQLException.class, ds::getConnection);
        ds.setUrl("jdbc:h2:mem:x");
        assertEquals("08001", assertThrows(SQLException.class, ds::getConnection).getSQLState());
    }

    @Test
    void pooledHandlesReturnTheirConnectionInsteadOfClosingIt() throws SQLException {
        RustyDataSource ds = dataSource();
        try (Connection keep = ds.getConnection()) {
            keep.createStatement().execute("CREATE TABLE t (v INTEGER)");
            PooledConnection pooled = ds.getPooledConnection();
            List<String> events = new ArrayList<>();
            pooled.addConnectionEventListener(new ConnectionEventListener() {
                @Override
                public void connectionClosed(ConnectionEvent event) {
                    events.add("closed");
                }

                @Override
                public void connectionErrorOccurred(ConnectionEvent event) {
                    events.add("error " + event.getSQLException().getSQLState());
                }
            });
            Connection first = pooled.getConnection();
            first.setAutoCommit(false);
            first.createStatement().execute("INSERT INTO t VALUES (1)");
            first.close(); // left uncommitted: rolled back, connection back to the pool
            assertEquals(List.of("closed"), events);
            assertTrue(first.isClosed());
            assertEquals("08003", assertThrows(SQLException.class, first::createStatement).getSQLState());
            assertEquals(0, count(keep, "t"));

            Connection second = pooled.getConnection();
            assertFalse(second.isClosed());
            assertTrue(second.getAutoCommit(), "a new handle starts in auto-commit");
            second.createStatement().execute("INSERT INTO t VALUES (2)");
            Connection third = pooled.getConnection(); // a new handle closes the previous one
            assertTrue(second.isClosed());
            assertEquals(1, count(third, "t"));
            third.close();
            pooled.close();
            assertEquals("08003", assertThrows(SQLException.class, pooled::getConnection).getSQLState());
        }
    }
}
