package io.rustydb.sql.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's NOTICEs: messages a statement gives without failing, such as {@code table "t" does not exist,
 * skipping} for {@code DROP TABLE IF EXISTS t}. Executors call {@link #add}; {@link SqlEngine} collects them for
 * the statement running on this thread ({@link #collect}) into its {@link StatementResult}, and the JDBC driver
 * turns them into {@link java.sql.SQLWarning}s. Outside a collecting scope {@link #add} does nothing.
 */
public final class Notices {
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

    private Notices() {
    }

    /** Starts collecting this thread's notices; close the scope to stop (scopes nest). */
    static Scope collect() {
        Scope scope = new Scope(CURRENT.get());
        CURRENT.set(scope.messages);
        return scope;
    }

    /** Records a notice of the statement running on this thread. */
    static void add(String message) {
        List<String> messages = CURRENT.get();
        if (messages != null) {
            messages.add(message);
        }
    }

    /** {@code <kind> "<name>" does not exist, skipping}: what an {@code IF EXISTS} that found nothing says. */
    static void skippedMissing(String kind, String name) {
        add(kind + " \"" + name + "\" does not exist, skipping");
    }

    /** {@code <kind> "<name>" already exists, skipping}: what an {@code IF NOT EXISTS} that found one says. */
    static void skippedExisting(String kind, String name) {
        add(kind + " \"" + name + "\" already exists, skipping");
    }

    /** A collecting scope: the notices given while it was open. */
    static final class Scope implements AutoCloseable {
        private final List<String> outer;
        private final List<String> messages = new ArrayList<>();

        private Scope(List<String> outer) {
            this.outer = outer;
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                outer.addAll(messages);
                CURRENT.set(outer);
            }
        }
    }
}
