package io.rustydb.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.bench.engine.Engine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The read-write mix client's retry rule on real engines, made deterministic with one account: while another
 * connection holds the account's write lock, every update waits, times out, is rolled back and counted as an abort
 * under the engine's SQLSTATE (the round ends at its deadline, not with an error); once the lock is gone, they
 * commit. An error that is not a conflict ends the round.
 */
class MixClientTest {
    @Test
    void h2LockTimeoutsAreAbortsAndRetried() throws Exception {
        Engine h2 = engine("h2");
        String url = "jdbc:h2:mem:mixclient;LOCK_TIMEOUT=20";
        try (Connection holder = DriverManager.getConnection(url); Connection c = DriverManager.getConnection(url)) {
            abortsWhileLockedThenCommits(h2, holder, c, "HYT00");
        }
    }

    @Test
    void rustyDbLockTimeoutsAreAbortsAndRetried() throws Exception {
        Engine rusty = engine("rustydb");
        String url = "jdbc:rustydb:mem:mixclient;lock_timeout=20";
        try (Connection holder = DriverManager.getConnection(url); Connection c = DriverManager.getConnection(url)) {
            abortsWhileLockedThenCommits(rusty, holder, c, null); // 55P03 today; row locks may change the code
        }
    }

    /** {@code state}: the SQLSTATE every abort must have, or null for any the engine counts as a conflict. */
    private static void abortsWhileLockedThenCommits(Engine engine, Connection holder, Connection c, String state)
            throws Exception {
        try (Statement s = holder.createStatement()) {
            s.execute("CREATE TABLE acc (id INT, balance INT)");
            s.execute("INSERT INTO acc VALUES (0, 100)");
        }
        holder.setAutoCommit(false);
        try (Statement s = holder.createStatement()) {
            s.executeUpdate("UPDATE acc SET balance = balance + 1 WHERE id = 0"); // lock held until commit
        }
        try (MixClient client = MixClient.open(engine, c, "acc", Isolation.READ_COMMITTED, 1, 100, 1)) {
            // run until two attempts were made (not for a fixed time: a loaded machine may take longer per attempt)
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (client.attempts() < 2 && System.nanoTime() < deadline) {
                client.runUntil(System.nanoTime() + 50_000_000L);
            }
            assertEquals(0, client.commits());
            assertTrue(client.attempts() >= 2, "attempts " + client.attempts());
            assertEquals(client.attempts(), client.abortsByState().values().stream().mapToLong(Long::longValue).sum(),
                    client.abortsByState().toString());
            if (state != null) {
                assertEquals(Set.of(state), client.abortsByState().keySet());
            }

            holder.commit();
            client.resetCounts();
            deadline = System.nanoTime() + 60_000_000_000L;
            while (client.commits() == 0 && System.nanoTime() < deadline) {
                client.runUntil(System.nanoTime() + 20_000_000L);
            }
            assertTrue(client.commits() > 0);
            assertEquals(client.commits(), client.committedUpdates());
            assertTrue(client.abortsByState().isEmpty(), client.abortsByState().toString());

            try (Statement s = holder.createStatement()) {
                s.execute("DROP TABLE acc");
            }
            holder.commit();
            SQLException e = assertThrows(SQLException.class, () -> client.runUntil(System.nanoTime() + 20_000_000L));
            assertTrue(!engine.isTransactionConflict(e), e.getSQLState());
        }
    }

    private static Engine engine(String id) {
        return Engine.all().stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }
}
