package io.rustydb.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The main class {@link FileDatabaseTest} runs in child JVMs. Writes only to standard output (standard error must
 * stay empty on a healthy run). Modes:
 * <pre>
 *  create PATH    creates tables people(id INT, name VARCHAR(20), born DATE) and notes(txt TEXT), inserts rows, exits
 *  read PATH      prints "TABLE name" for each table, then each row of people and notes as "ROW v1|v2|..."
 *  append PATH N  inserts N more rows into people (ids 1000..1000+N-1)
 *  hold PATH      opens the database, prints "READY", keeps it open until standard input ends, then prints "BYE"
 *  try PATH       tries to open the database; prints "OPENED" or "SQLSTATE xxxxx message"
 * </pre>
 * Exit code 0 when the mode ran as described, 2 on an unexpected error (printed to standard output).
 */
public final class FileDatabaseChild {
    private FileDatabaseChild() {
    }

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        String url = "jdbc:rustydb:file:" + args[1];
        try {
            switch (mode) {
                case "create" -> create(url);
                case "read" -> read(url);
                case "append" -> append(url, Integer.parseInt(args[2]));
                case "hold" -> hold(url);
                case "try" -> tryOpen(url);
                default -> throw new IllegalArgumentException(mode);
            }
        } catch (SQLException e) {
            System.out.println("UNEXPECTED SQLSTATE " + e.getSQLState() + " " + e.getMessage());
            System.out.flush();
            System.exit(2);
        }
        System.out.flush();
    }

    private static void create(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE people(id INT, name VARCHAR(20), born DATE)");
            s.executeUpdate("INSERT INTO people VALUES (1, 'Ada', DATE '1815-12-10'), (2, 'Grace', DATE '1906-12-09'),"
                    + " (3, NULL, NULL)");
            s.executeUpdate("CREATE TABLE notes(txt TEXT)");
            s.executeUpdate("INSERT INTO notes VALUES ('first'), ('second')");
            s.executeUpdate("CREATE TABLE dropped(x INT)");
            s.executeUpdate("DROP TABLE dropped");
        }
        System.out.println("CREATED");
    }

    private static void read(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", null)) {
                while (rs.next()) {
                    System.out.println("TABLE " + rs.getString("TABLE_NAME"));
                }
            }
            print(c, "SELECT id, name, born FROM people ORDER BY id");
            print(c, "SELECT txt FROM notes ORDER BY txt");
        }
    }

    private static void print(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder("ROW ");
                for (int i = 1; i <= n; i++) {
                    line.append(i > 1 ? "|" : "").append(rs.getObject(i));
                }
                System.out.println(line);
            }
        }
    }

    private static void append(String url, int n) throws SQLException {
        try (Connection c = DriverManager.getConnection(url);
                java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO people(id, name) VALUES (?, ?)")) {
            for (int i = 0; i < n; i++) {
                ps.setInt(1, 1000 + i);
                ps.setString(2, "p" + i);
                ps.executeUpdate();
            }
        }
        System.out.println("APPENDED " + n);
    }

    private static void hold(String url) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url)) {
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close our standard input
            }
        }
        System.out.println("BYE");
    }

    private static void tryOpen(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            System.out.println("OPENED");
        } catch (SQLException e) {
            System.out.println("SQLSTATE " + e.getSQLState() + " " + e.getMessage());
        }
    }
}
