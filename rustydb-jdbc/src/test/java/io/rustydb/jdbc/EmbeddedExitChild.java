package io.rustydb.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

/**
 * The main class {@link EmbeddedApiTest} runs in a child JVM: opens {@code PATH} through {@link RustyDB#open} with
 * {@code close_on_exit=VALUE}, commits {@code ROWS} rows and exits without closing anything. Prints "DONE" before
 * exiting; exit code 2 on an unexpected error.
 * <pre>  EmbeddedExitChild PATH VALUE ROWS</pre>
 */
public final class EmbeddedExitChild {
    private EmbeddedExitChild() {
    }

    public static void main(String[] args) {
        try {
            EmbeddedDatabase db = RustyDB.open(Path.of(args[0]), Map.of("close_on_exit", args[1]));
            Connection c = db.connect();
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, label VARCHAR(20))");
                for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                    s.execute("INSERT INTO items VALUES (" + i + ", 'item " + i + "')");
                }
            }
            System.out.println("DONE");
            System.out.flush();
            System.exit(0); // neither the connection nor the handle is closed
        } catch (Exception e) {
            e.printStackTrace(System.out);
            System.exit(2);
        }
    }
}
