package io.rustydb.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child JVM of {@link SequenceTest}'s crash test: {@code java SequenceCrashChild PATH} opens the file database,
 * creates sequence {@code s} and table {@code ids (id SERIAL)} if needed, then forever alternates
 * {@code SELECT nextval('s')} and an insert of a generated id (each in auto-commit), printing every value it got
 * back as {@code S n} / {@code I n} once the call returned — until it is killed.
 */
public final class SequenceCrashChild {
    private SequenceCrashChild() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:rustydb:file:" + args[0]);
             Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE IF NOT EXISTS s");
            s.execute("CREATE TABLE IF NOT EXISTS ids (id SERIAL PRIMARY KEY, pad VARCHAR(50))");
            System.out.println("READY");
            System.out.flush();
            try (PreparedStatement next = c.prepareStatement("SELECT nextval('s')");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO ids (pad) VALUES ('x')");
                 PreparedStatement id = c.prepareStatement("SELECT currval('ids_id_seq')")) {
                while (true) {
                    try (ResultSet rs = next.executeQuery()) {
                        rs.next();
                        System.out.println("S " + rs.getLong(1));
                    }
                    insert.executeUpdate();
                    try (ResultSet rs = id.executeQuery()) {
                        rs.next();
                        System.out.println("I " + rs.getLong(1));
                    }
                    System.out.flush();
                }
            }
        }
    }
}
