package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.column;
import static io.rustydb.jdbc.JdbcTestSupport.connect;
import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static io.rustydb.jdbc.JdbcTestSupport.rows;
import static io.rustydb.jdbc.JdbcTestSupport.scalar;
import static io.rustydb.jdbc.JdbcTestSupport.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets the right SQLSTATE and the right {@link SQLException} subclass, and neither the connection nor
 * the database is harmed: after every error a follow-up query succeeds and sees exactly the rows it saw before.
 */
class SqlErrorsTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = connect(freshMemUrl("errors"));
        update(c, "CREATE TABLE t(a INT, b VARCHAR(3), c DOUBLE, d DATE, x BIGINT)");
        update(c, "INSERT INTO t VALUES (1, 'one', 1.0, DATE '2020-01-01', 9223372036854775807),"
                + " (2, 'two', 2.0, NULL, 1), (NULL, NULL, NULL, NULL, NULL)");
        update(c, "CREATE TABLE dates(d DATE)");
        update(c, "CREATE TABLE nn(k INT NOT NULL, v VARCHAR(3))");
        update(c, "CREATE TABLE wide(v DECIMAL(38,0))");
        update(c, "INSERT INTO wide VALUES (99999999999999999999999999999999999999), (99999999999999999999999999999999999999)");
        update(c, "CREATE SEQUENCE one_shot START 2 MAXVALUE 2");
        scalar(c, "SELECT nextval('one_shot')");
        update(c, "CREATE SEQUENCE unused");
        update(c, "CREATE TABLE gen(id INT GENERATED ALWAYS AS IDENTITY, v INT)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // 42601 syntax error
                bad("42601", SQLSyntaxErrorException.class, "SELEC 1"),
                bad("42601", SQLSyntaxErrorException.class, "SELECT 'abc"),
                bad("42601", SQLSyntaxErrorException.class, "SELECT 1; SELECT 2"),
                bad("42601", SQLSyntaxErrorException.class, "SELECT FROM WHERE"),
                bad("42601", SQLSyntaxErrorException.class, "SELECT a FROM t WHERE"),
                bad("42601", SQLSyntaxErrorException.class, "CREATE TABLE t2(a INT"),
                bad("42601", SQLSyntaxErrorException.class, "INSERT INTO t VALUES (1, 'x', 1.0, NULL, 1, 99)"),
                bad("42601", SQLSyntaxErrorException.class, "INSERT INTO t VALUES (1, 'x')"),
                // 42P01 unknown table
                bad("42P01", SQLSyntaxErrorException.class, "SELECT * FROM nope"),
                bad("42P01", SQLSyntaxErrorException.class, "INSERT INTO nope VALUES (1)"),
                bad("42P01", SQLSyntaxErrorException.class, "INSERT INTO t(a) SELECT a FROM nope"),
                bad("42P01", SQLSyntaxErrorException.class, "DROP TABLE nope"),
                bad("42P01", SQLSyntaxErrorException.class, "SELECT nope.a FROM t"),
                // 42703 unknown column
                bad("42703", SQLSyntaxErrorException.class, "SELECT zz FROM t"),
                bad("42703", SQLSyntaxErrorException.class, "SELECT a FROM t WHERE zz = 1"),
                bad("42703", SQLSyntaxErrorException.class, "SELECT a FROM t ORDER BY zz"),
                bad("42703", SQLSyntaxErrorException.class, "SELECT COUNT(*) FROM t GROUP BY zz"),
                bad("42703", SQLSyntaxErrorException.class, "INSERT INTO t(zz) VALUES (1)"),
                bad("42703", SQLSyntaxErrorException.class, "SELECT t.zz FROM t"),
                // 42701 duplicate column
                bad("42701", SQLSyntaxErrorException.class, "CREATE TABLE dup(a INT, a VARCHAR(3))"),
                bad("42701", SQLSyntaxErrorException.class, "CREATE TABLE dup(a INT, A INT)"),
                bad("42701", SQLSyntaxErrorException.class, "INSERT INTO t(a, a) VALUES (1, 2)"),
                // 42P07 duplicate table
                bad("42P07", SQLSyntaxErrorException.class, "CREATE TABLE t(z INT)"),
                bad("42P07", SQLSyntaxErrorException.class, "CREATE TABLE T(z INT)"),
                // 42804 type mismatch
                bad("42804", SQLSyntaxErrorException.class, "INSERT INTO dates(d) SELECT a FROM t"),
                bad("42804", SQLSyntaxErrorException.class, "SELECT a FROM t WHERE 1"),
                bad("42804", SQLSyntaxErrorException.class, "SELECT a FROM t WHERE a"),
                bad("42804", SQLSyntaxErrorException.class, "SELECT a FROM t WHERE a > 0 AND b"),
                bad("42804", SQLSyntaxErrorException.class, "SELECT a FROM t LIMIT 'x'"),
                bad("42804", SQLSyntaxErrorException.class, "SELECT CAST(a AS DATE) FROM t"),
                // 22P02 invalid text representation
                bad("22P02", SQLDataException.class, "INSERT INTO t(a) VALUES ('abc')"),
                bad("22P02", SQLDataException.class, "SELECT a FROM t WHERE a = 'abc'"),
                bad("22P02", SQLDataException.class, "SELECT CAST('1.2.3' AS DOUBLE)"),
                // 22003 numeric value out of range
                bad("22003", SQLDataException.class, "INSERT INTO t(a) VALUES (3000000000)"),
                bad("22003", SQLDataException.class, "SELECT 2147483647 + 1"),
                bad("22003", SQLDataException.class, "SELECT a + 2147483647 FROM t"),
                bad("22003", SQLDataException.class, "SELECT 9223372036854775807 + 1"),
                bad("22003", SQLDataException.class, "SELECT x + 1 FROM t"),
                bad("22003", SQLDataException.class, "SELECT x * 2 FROM t"),
                bad("22003", SQLDataException.class, "SELECT - (-2147483648)"),
                bad("22003", SQLDataException.class, "INSERT INTO t(a) SELECT a * 2000000000 FROM t"),
                bad("22003", SQLDataException.class, "SELECT SUM(v) FROM wide"),
                // 22012 division by zero
                bad("22012", SQLDataException.class, "SELECT 1 / 0"),
                bad("22012", SQLDataException.class, "SELECT a / 0 FROM t"),
                bad("22012", SQLDataException.class, "SELECT a % 0 FROM t"),
                bad("22012", SQLDataException.class, "SELECT c / 0 FROM t"),
                bad("22012", SQLDataException.class, "SELECT a FROM t WHERE a / (a - 1) > 0"),
                // 22001 string too long
                bad("22001", SQLDataException.class, "INSERT INTO t(b) VALUES ('four')"),
                bad("22001", SQLDataException.class, "INSERT INTO nn VALUES (1, 'abcd')"),
                // 23502 NOT NULL
                bad("23502", SQLIntegrityConstraintViolationException.class, "INSERT INTO nn VALUES (NULL, 'x')"),
                bad("23502", SQLIntegrityConstraintViolationException.class, "INSERT INTO nn(v) VALUES ('x')"),
                bad("23502", SQLIntegrityConstraintViolationException.class, "INSERT INTO nn(k) SELECT a FROM t"),
                // 42803 grouping error
                bad("42803", SQLSyntaxErrorException.class, "SELECT a, COUNT(*) FROM t"),
                bad("42803", SQLSyntaxErrorException.class, "SELECT a FROM t WHERE COUNT(*) > 1"),
                bad("42803", SQLSyntaxErrorException.class, "SELECT b FROM t GROUP BY a"),
                bad("42803", SQLSyntaxErrorException.class, "SELECT SUM(COUNT(*)) FROM t"),
                bad("42803", SQLSyntaxErrorException.class, "SELECT COUNT(*) FROM t GROUP BY COUNT(*)"),
                bad("42803", SQLSyntaxErrorException.class, "INSERT INTO t(a) VALUES (COUNT(*))"),
                // 0A000 not supported (yet)
                bad("21000", SQLException.class, "SELECT (SELECT a FROM t) FROM t"),
                bad("42601", SQLSyntaxErrorException.class, "SELECT * FROM (SELECT a FROM t)"),
                bad("0A000", SQLFeatureNotSupportedException.class,
                        "MERGE INTO t USING t AS s ON t.a = s.a WHEN NOT MATCHED BY SOURCE THEN DELETE"),
                bad("0A000", SQLFeatureNotSupportedException.class, "CREATE UNIQUE INDEX i ON t USING HASH (a)"),
                bad("0A000", SQLFeatureNotSupportedException.class, "CREATE INDEX i ON t (a) WHERE a > 0"),
                bad("42830", SQLSyntaxErrorException.class, "CREATE TABLE fk(a INT, FOREIGN KEY (a) REFERENCES t(a))"),
                bad("0A000", SQLFeatureNotSupportedException.class, "CREATE TABLE fk(a INT REFERENCES t(a) MATCH FULL)"),
                bad("42703", SQLSyntaxErrorException.class, "CREATE INDEX i ON t (nope)"),
                bad("42P16", SQLSyntaxErrorException.class, "CREATE TABLE pk(a INT PRIMARY KEY, b INT PRIMARY KEY)"),
                bad("42704", SQLSyntaxErrorException.class, "DROP INDEX nope"),
                bad("42704", SQLSyntaxErrorException.class, "CREATE INDEX i ON t USING gist (a)"),
                // sequences and identity columns
                bad("42P01", SQLSyntaxErrorException.class, "SELECT nextval('nope')"),
                bad("42P01", SQLSyntaxErrorException.class, "DROP SEQUENCE nope"),
                bad("42809", SQLSyntaxErrorException.class, "SELECT nextval('t')"),
                bad("42809", SQLSyntaxErrorException.class, "DROP SEQUENCE t"),
                bad("42P07", SQLSyntaxErrorException.class, "CREATE SEQUENCE t"),
                bad("42P07", SQLSyntaxErrorException.class, "CREATE TABLE unused(a INT)"),
                bad("22023", SQLDataException.class, "CREATE SEQUENCE s0 INCREMENT BY 0"),
                bad("22023", SQLDataException.class, "CREATE TABLE g2(id DATE GENERATED ALWAYS AS IDENTITY)"),
                bad("2200H", SQLDataException.class, "SELECT nextval('one_shot')"),
                bad("22003", SQLDataException.class, "SELECT setval('unused', 0)"),
                bad("55000", SQLException.class, "SELECT currval('unused')"),
                bad("428C9", SQLSyntaxErrorException.class, "INSERT INTO gen VALUES (1, 1)"),
                bad("428C9", SQLSyntaxErrorException.class, "UPDATE gen SET id = 2"),
                bad("2BP01", SQLException.class, "DROP SEQUENCE gen_id_seq"),
                bad("42601", SQLSyntaxErrorException.class, "CREATE TABLE g2(id SERIAL DEFAULT 1)"),
                bad("42P20", SQLSyntaxErrorException.class, "SELECT a FROM t WHERE SUM(a) OVER () > 0"),
                bad("42P19", SQLSyntaxErrorException.class,
                        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT r.n FROM r, r AS r2) SELECT * FROM r"),
                bad("0A000", SQLFeatureNotSupportedException.class, "SELECT generate_series(1, a) FROM t"),
                bad("0A000", SQLFeatureNotSupportedException.class, "SELECT '{{1},{2}}'::int[]"),
                bad("22P02", SQLDataException.class, "SELECT '{1,2'::int[]"),
                bad("42804", SQLSyntaxErrorException.class, "SELECT ARRAY[1, DATE '2024-01-01']"));
    }

    private static Arguments bad(String state, Class<? extends SQLException> type, String sql) {
        return Arguments.of(state, type, sql);
    }

    @ParameterizedTest(name = "[{0}] {2}")
    @MethodSource("errors")
    void badStatementGetsItsSqlStateAndTheDatabaseKeepsWorking(String state, Class<? extends SQLException> type,
            String sql) throws SQLException {
        List<List<Object>> before = rows(c, "SELECT * FROM t ORDER BY a");
        long nnBefore = (Long) scalar(c, "SELECT COUNT(*) FROM nn");
        try (Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> {
                if (sql.startsWith("SELECT")) {
                    s.executeQuery(sql).close();
                } else {
                    s.execute(sql);
                }
            }, sql);
            assertEquals(state, e.getSQLState(), () -> sql + " gave " + e);
            assertInstanceOf(type, e, () -> sql + " gave " + e.getClass().getName());
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().isBlank(), "the message must say what went wrong");
            // The same statement object and connection keep working.
            assertFalse(c.isClosed());
            assertEquals(3L, ((Number) scalar(c, "SELECT COUNT(*) FROM t")).longValue());
            try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dates")) {
                assertTrue(rs.next());
            }
        }
        // And nothing changed: the failed statement left no trace.
        assertEquals(before, rows(c, "SELECT * FROM t ORDER BY a"), sql);
        assertEquals(nnBefore, scalar(c, "SELECT COUNT(*) FROM nn"), sql);
        assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM dates"), sql);
        // A second connection to the same database is not affected either.
        try (Connection other = connect(c.getMetaData().getURL())) {
            assertEquals(before, rows(other, "SELECT * FROM t ORDER BY a"), sql);
        }
    }

    @Test
    void failedMultiRowInsertLeavesNoRows() throws SQLException {
        SQLException tooLong = assertThrows(SQLException.class,
                () -> update(c, "INSERT INTO nn VALUES (1, 'a'), (2, 'b'), (3, 'long'), (4, 'd')"));
        assertEquals("22001", tooLong.getSQLState());
        assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM nn"));

        SQLException notNull = assertThrows(SQLException.class,
                () -> update(c, "INSERT INTO nn VALUES (1, 'a'), (2, 'b'), (NULL, 'c')"));
        assertEquals("23502", notNull.getSQLState());
        assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM nn"));

        update(c, "INSERT INTO nn VALUES (7, 'ok')");
        SQLException overflow = assertThrows(SQLException.class,
                () -> update(c, "INSERT INTO nn(k) SELECT a * 1073741824 FROM t WHERE a IS NOT NULL"));
        assertEquals("22003", overflow.getSQLState(), "1 * 2^30 fits, 2 * 2^30 does not");
        assertEquals(List.of(7), column(c, "SELECT k FROM nn"));
    }

    @Test
    void failedInsertSelectOfManyRowsSpanningPagesLeavesNoRows() throws SQLException {
        update(c, "CREATE TABLE src(k INT, pad VARCHAR(100))");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO src VALUES (?, ?), (?, ?), (?, ?), (?, ?), (?, ?)")) {
            for (int i = 0; i < 3000; i += 5) {
                for (int j = 0; j < 5; j++) {
                    ps.setInt(2 * j + 1, i + j);
                    ps.setString(2 * j + 2, "padding-".repeat(10) + (i + j));
                }
                assertEquals(5, ps.executeUpdate());
            }
        }
        update(c, "CREATE TABLE dst(k INT NOT NULL, pad VARCHAR(100))");
        update(c, "INSERT INTO dst VALUES (-1, 'kept')");
        // The row with k = 2999 divides by zero after about 3000 rows (many pages) were stored.
        SQLException e = assertThrows(SQLException.class,
                () -> update(c, "INSERT INTO dst SELECT 100 / (2999 - k), pad FROM src"));
        assertEquals("22012", e.getSQLState());
        assertEquals(List.of(-1), column(c, "SELECT k FROM dst"));
        // Then the same table takes a good statement.
        assertEquals(2999, update(c, "INSERT INTO dst SELECT k, pad FROM src WHERE k < 2999"));
        assertEquals(3000L, scalar(c, "SELECT COUNT(*) FROM dst"));
    }

    @Test
    void executeQueryAndExecuteUpdateOfTwoStatementsRunNeither() throws SQLException {
        update(c, "CREATE TABLE once(a INT)");
        try (Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1; INSERT INTO once VALUES (1)"));
            assertEquals("42601", e.getSQLState());
            SQLException e2 = assertThrows(SQLException.class, () -> s.executeUpdate("INSERT INTO once VALUES (1); INSERT INTO once VALUES (2)"));
            assertEquals("42601", e2.getSQLState());
            assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM once"));
            // execute() takes several statements (StatementConformanceTest), and runs them all
            s.execute("INSERT INTO once VALUES (1); INSERT INTO once VALUES (2)");
        }
        assertEquals(2L, scalar(c, "SELECT COUNT(*) FROM once"));
        assertEquals(1, scalar(c, "SELECT 1;"), "a single trailing semicolon is fine");
    }

    @Test
    void syntaxErrorSaysWhere() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> rows(c, "SELECT a FROM t WHERE a = = 1"));
        assertEquals("42601", e.getSQLState());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void errorsNameTheObject() throws SQLException {
        SQLException table = assertThrows(SQLException.class, () -> rows(c, "SELECT * FROM missing_table"));
        assertTrue(table.getMessage().contains("missing_table"), table.getMessage());
        SQLException col = assertThrows(SQLException.class, () -> rows(c, "SELECT missing_col FROM t"));
        assertTrue(col.getMessage().contains("missing_col"), col.getMessage());
        SQLException nn = assertThrows(SQLException.class, () -> update(c, "INSERT INTO nn(v) VALUES ('x')"));
        assertTrue(nn.getMessage().contains("\"k\"") && nn.getMessage().contains("nn"), nn.getMessage());
    }

    @Test
    void badParameterValuesThroughPreparedStatements() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(a, b) VALUES (?, ?)")) {
            ps.setString(1, "abc");
            ps.setString(2, "ok");
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("22P02", e.getSQLState());
            assertInstanceOf(SQLDataException.class, e);

            ps.setLong(1, 3_000_000_000L);
            e = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("22003", e.getSQLState());

            ps.setInt(1, 5);
            ps.setString(2, "ok");
            assertEquals(1, ps.executeUpdate(), "the prepared statement still works after errors");
        }
        assertEquals(List.of(5), column(c, "SELECT a FROM t WHERE b = 'ok'"));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO nn VALUES (?, ?)")) {
            ps.setNull(1, java.sql.Types.INTEGER);
            ps.setString(2, "x");
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("23502", e.getSQLState());
            assertInstanceOf(SQLIntegrityConstraintViolationException.class, e);
        }
    }

    @Test
    void tooLongStringParameterIs22001() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(a, b) VALUES (?, ?)")) {
            ps.setInt(1, 5);
            ps.setString(2, "toolong");
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate,
                    "'toolong' does not fit VARCHAR(3); the literal gives 22001, so must the parameter");
            assertEquals("22001", e.getSQLState());
        }
        assertEquals(List.of(), column(c, "SELECT b FROM t WHERE a = 5"), "nothing (and certainly not 'too') stored");
    }

    @Test
    void tooLongBinaryParameterIs22001() throws SQLException {
        update(c, "CREATE TABLE bin(v VARBINARY(2))");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bin VALUES (?)")) {
            ps.setBytes(1, new byte[] {1, 2, 3});
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals("22001", e.getSQLState());
        }
        assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM bin"));
    }

    @Test
    void parameterComparedWithBoundedVarcharIsNotTruncated() throws SQLException {
        update(c, "CREATE TABLE s(v VARCHAR(3))");
        update(c, "INSERT INTO s VALUES ('too')");
        try (PreparedStatement ps = c.prepareStatement("SELECT v FROM s WHERE v = ?")) {
            ps.setString(1, "tooXYZ");
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertEquals(List.of(), rows(rs), "'too' = 'tooXYZ' is false");
            }
        }
        assertEquals(List.of(), rows(c, "SELECT v FROM s WHERE v = 'tooXYZ'"), "as with the literal");
    }

    @Test
    void aThousandErrorsInARowLeakNothing() throws SQLException {
        // Every failing statement must release what it holds (locks, pinned pages): otherwise this would hang or
        // run out of buffer frames long before the end.
        Statement stmt = c.createStatement();
        for (int i = 0; i < 1000; i++) {
            String sql = switch (i % 5) {
                case 0 -> "SELECT a / 0 FROM t";
                case 1 -> "INSERT INTO nn VALUES (1, 'x'), (NULL, 'y')";
                case 2 -> "SELECT * FROM nope";
                case 3 -> "INSERT INTO t(a) SELECT a * 2000000000 FROM t";
                default -> "SELEC 1";
            };
            final String s = sql;
            assertThrows(SQLException.class, () -> stmt.execute(s), "iteration " + i + ": " + s);
        }
        stmt.close();
        assertEquals(3L, scalar(c, "SELECT COUNT(*) FROM t"));
        assertEquals(0L, scalar(c, "SELECT COUNT(*) FROM nn"));
        update(c, "INSERT INTO nn VALUES (1, 'x')");
        assertEquals(1L, scalar(c, "SELECT COUNT(*) FROM nn"));
    }
}
