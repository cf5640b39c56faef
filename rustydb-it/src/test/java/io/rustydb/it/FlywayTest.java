package io.rustydb.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.jdbc.RustyDataSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway (community edition, no database module) with a {@code jdbc:rustydb:file:} URL: the RustyDB plugin is
 * found through Flyway's plugin registry. SQL migrations from {@code db/rustydb/migration} are applied to a file
 * database; after the database is closed and reopened (through a DataSource this time, so Flyway detects RustyDB
 * by product name), {@code validate} and {@code info} see them applied and a second {@code migrate} does
 * nothing. A failing migration rolls back as a whole, DDL included, and is reported.
 */
class FlywayTest {
    private static final String MIGRATIONS = "classpath:db/rustydb/migration";
    private static final String BROKEN = "classpath:db/rustydb/broken";

    @TempDir
    Path dir;

    private String url;

    @BeforeEach
    void setUp() {
        url = "jdbc:rustydb:file:" + dir.resolve("flyway");
    }

    private Flyway flywayByUrl(String... locations) {
        return Flyway.configure().dataSource(url, null, null).locations(locations).load();
    }

    private Flyway flywayByDataSource(String... locations) {
        RustyDataSource ds = new RustyDataSource();
        ds.setUrl(url);
        return Flyway.configure().dataSource(ds).locations(locations).load();
    }

    private static List<String> versions(MigrationInfo[] infos) {
        return Arrays.stream(infos).map(i -> i.getVersion().getVersion()).toList();
    }

    private String queryString(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }

    @Test
    void migratesThenReopenedDatabaseValidatesAndSecondMigrateIsANoOp() throws SQLException {
        Flyway flyway = flywayByUrl(MIGRATIONS);
        MigrateResult result = flyway.migrate();
        assertTrue(result.success);
        assertEquals(3, result.migrationsExecuted);
        assertEquals("3", result.targetSchemaVersion);

        // The migrations' effects, and the history table Flyway wrote, read back with plain JDBC.
        assertEquals("Ada true", queryString("SELECT name || ' ' || vip FROM customer WHERE vip"));
        assertEquals("12.50", queryString("SELECT total FROM purchase_order"));
        assertEquals("1000", queryString("SELECT nextval('invoice_no')"));
        assertEquals("3", queryString("SELECT count(*) FROM flyway_schema_history WHERE success"));
        assertEquals("V2__orders.sql", queryString(
                "SELECT \"script\" FROM flyway_schema_history WHERE \"version\" = '2'"));

        // Reopened (the file database was closed with the last connection), through a DataSource.
        Flyway reopened = flywayByDataSource(MIGRATIONS);
        reopened.validate();
        MigrationInfo[] applied = reopened.info().applied();
        assertEquals(List.of("1", "2", "3"), versions(applied));
        for (MigrationInfo info : applied) {
            assertEquals(MigrationState.SUCCESS, info.getState(), info.getScript());
            assertTrue(info.getChecksum() != null && info.getChecksum() != 0, info.getScript());
        }
        assertEquals("3", reopened.info().current().getVersion().getVersion());
        assertEquals(0, reopened.info().pending().length);
        MigrateResult again = reopened.migrate();
        assertEquals(0, again.migrationsExecuted);
        assertEquals("3", queryString("SELECT count(*) FROM flyway_schema_history"));
        assertEquals("2", queryString("SELECT count(*) FROM customer"));
    }

    @Test
    void failingMigrationRollsBackWholeAndIsReported() throws SQLException {
        assertEquals(3, flywayByUrl(MIGRATIONS).migrate().migrationsExecuted);

        Flyway withBroken = flywayByUrl(MIGRATIONS, BROKEN);
        assertEquals(List.of("4"), versions(withBroken.info().pending()));
        FlywayException failure = assertThrows(FlywayException.class, withBroken::migrate);
        String report = failure.getMessage();
        assertTrue(report.contains("V4__half_done.sql"), report);
        assertTrue(report.contains("23505"), report);
        assertTrue(report.contains("uk_customer_email"), report);

        // Nothing of V4 is left: no table, no changed rows, no history row (failed or not).
        assertEquals("0", queryString(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = 'audit_log'"));
        assertEquals("Ada", queryString("SELECT name FROM customer WHERE email = 'ada@example.org'"));
        assertEquals("3", queryString("SELECT count(*) FROM flyway_schema_history"));
        Flyway reopened = flywayByDataSource(MIGRATIONS, BROKEN);
        assertEquals("3", reopened.info().current().getVersion().getVersion());
        assertEquals(List.of("4"), versions(reopened.info().pending()));
        // Without the broken script the history validates as it was.
        flywayByDataSource(MIGRATIONS).validate();
    }

    @Test
    void validateDetectsAChangedMigration() {
        flywayByUrl(MIGRATIONS).migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE \"version\" = '2'");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        FlywayException mismatch = assertThrows(FlywayException.class, () -> flywayByDataSource(MIGRATIONS).validate());
        assertTrue(mismatch.getMessage().contains("checksum mismatch"), mismatch.getMessage());
        assertFalse(flywayByDataSource(MIGRATIONS).validateWithResult().validationSuccessful);
    }

    @Test
    void cleanDropsEverythingWhenAllowed() throws SQLException {
        flywayByUrl(MIGRATIONS).migrate();
        Flyway cleaner = Flyway.configure().dataSource(url, null, null).locations(MIGRATIONS).cleanDisabled(false)
                .load();
        cleaner.clean();
        assertEquals("0", queryString("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        assertEquals("0", queryString("SELECT count(*) FROM information_schema.sequences"));
        assertEquals(3, cleaner.migrate().migrationsExecuted);
        assertEquals(new BigDecimal("12.50"), new BigDecimal(queryString("SELECT total FROM purchase_order")));
    }
}
