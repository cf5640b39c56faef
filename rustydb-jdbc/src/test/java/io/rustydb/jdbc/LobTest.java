package io.rustydb.jdbc;

import static io.rustydb.jdbc.JdbcTestSupport.freshMemUrl;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Connection.createBlob/createClob, binding them, and ResultSet.getBlob/getClob. */
class LobTest {

    @Test
    void blobsAndClobsRoundTrip() throws Exception {
        try (Connection c = DriverManager.getConnection(freshMemUrl("lob")); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT, data BYTEA)");
            Blob blob = c.createBlob();
            try (OutputStream out = blob.setBinaryStream(1)) {
                out.write(new byte[] {1, 2, 3});
            }
            blob.setBytes(4, new byte[] {4, 5});
            Clob clob = c.createClob();
            clob.setString(1, "hello");
            try (Writer w = clob.setCharacterStream(6)) {
                w.write(", world");
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO docs VALUES (1, ?, ?), (2, NULL, NULL)")) {
                p.setClob(1, clob);
                p.setBlob(2, blob);
                assertEquals(2, p.executeUpdate());
            }
            try (ResultSet rs = s.executeQuery("SELECT body, data FROM docs ORDER BY id")) {
                assertTrue(rs.next());
                Clob readClob = rs.getClob(1);
                assertEquals("hello, world", readClob.getSubString(1, (int) readClob.length()));
                assertEquals(8, readClob.position("world", 1));
                Blob readBlob = rs.getBlob("data");
                assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, readBlob.getBytes(1, 10));
                assertEquals(3, readBlob.position(new byte[] {3, 4}, 1));
                assertEquals(-1, readBlob.position(new byte[] {9}, 1));
                java.io.StringWriter copy = new java.io.StringWriter();
                rs.getNClob(1).getCharacterStream().transferTo(copy);
                assertEquals("hello, world", copy.toString());
                assertTrue(rs.next());
                assertNull(rs.getBlob(2));
                assertNull(rs.getClob(1));
            }
        }
    }

    @Test
    void blobEditsMatchAByteArrayModel() throws SQLException {
        long seed = Long.getLong("rustydb.test.seed", 20261202L);
        Random random = new Random(seed);
        RustyBlob blob = new RustyBlob(new byte[0]);
        byte[] model = new byte[0];
        for (int step = 0; step < 500; step++) {
            int op = random.nextInt(3);
            if (op == 0 || model.length == 0) {
                int pos = random.nextInt(model.length + 1);
                byte[] chunk = new byte[random.nextInt(20)];
                random.nextBytes(chunk);
                blob.setBytes(pos + 1L, chunk);
                byte[] next = java.util.Arrays.copyOf(model, Math.max(model.length, pos + chunk.length));
                System.arraycopy(chunk, 0, next, pos, chunk.length);
                model = next;
            } else if (op == 1) {
                int len = random.nextInt(model.length + 1);
                blob.truncate(len);
                model = java.util.Arrays.copyOf(model, len);
            } else {
                int pos = random.nextInt(model.length);
                int len = random.nextInt(model.length - pos + 1);
                assertArrayEquals(java.util.Arrays.copyOfRange(model, pos, pos + len), blob.getBytes(pos + 1L, len),
                        "seed " + seed + " step " + step);
            }
            assertEquals(model.length, blob.length(), "seed " + seed + " step " + step);
        }
        assertArrayEquals(model, blob.getBytes(1, model.length), "seed " + seed);
    }

    @Test
    void misuseIsReported() throws SQLException {
        try (Connection c = DriverManager.getConnection(freshMemUrl("lob"))) {
            Blob blob = c.createBlob();
            blob.setBytes(1, "abc".getBytes(StandardCharsets.UTF_8));
            assertEquals("22023", assertThrows(SQLException.class, () -> blob.getBytes(0, 1)).getSQLState());
            assertEquals("22023", assertThrows(SQLException.class, () -> blob.setBytes(5, new byte[1])).getSQLState());
            assertEquals("22023", assertThrows(SQLException.class, () -> blob.truncate(4)).getSQLState());
            blob.free();
            assertEquals("0F001", assertThrows(SQLException.class, blob::length).getSQLState());
            Clob clob = c.createClob();
            assertEquals("22023", assertThrows(SQLException.class, () -> clob.setString(2, "x")).getSQLState());
            clob.free();
            assertEquals("0F001", assertThrows(SQLException.class, () -> clob.getSubString(1, 1)).getSQLState());
            c.close();
            assertEquals("08003", assertThrows(SQLException.class, c::createBlob).getSQLState());
        }
    }
}
