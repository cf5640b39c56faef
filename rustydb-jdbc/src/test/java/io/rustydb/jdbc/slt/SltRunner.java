package io.rustydb.jdbc.slt;

import io.rustydb.jdbc.slt.SltRecord.Condition;
import io.rustydb.jdbc.slt.SltRecord.Control;
import io.rustydb.jdbc.slt.SltRecord.Query;
import io.rustydb.jdbc.slt.SltRecord.SortMode;
import io.rustydb.jdbc.slt.SltRecord.Statement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the records of one sqllogictest script against RustyDB over JDBC and records an {@link SltOutcome} per
 * statement and query. One runner per script: it owns the script's connections.
 *
 * <ul>
 *   <li>RustyDB runs as {@value #ENGINE}: {@code skipif postgresql} and {@code onlyif X} (X other than
 *       postgresql) skip the record.</li>
 *   <li>Connections: the default one plus DuckDB's named ones ({@code statement ok con1}), opened lazily on
 *       {@code url}. {@code restart} closes them all; on a file database the next record reopens it, on an
 *       in-memory one (dropped with its last connection) the rest of the script is skipped.</li>
 *   <li>Every record runs on a worker thread and is given {@code timeout} (RustyDB has no query timeout yet): a
 *       record that overruns is a FAIL with cause {@code TIMEOUT}, its connection is abandoned (never closed: the
 *       stuck statement may hold latches, and an in-memory database must survive) and replaced by a fresh one;
 *       after {@value #MAX_TIMEOUTS} timeouts in a row the rest of the script is skipped. A connect or close that
 *       hangs marks RustyDB as {@link #wedged()} for the rest of the JVM. After a timeout, a lock-timeout error
 *       (55P03) means the abandoned statement still holds the database: the rest of the script is skipped.</li>
 *   <li>{@code halt} skips the rest of the script; {@code require}/{@code load} skip the rest (the file needs a
 *       DuckDB extension or database file); {@code mode skip} ... {@code mode unskip} skips what is between.</li>
 *   <li>An expected DuckDB error message is DuckDB's wording, so by default any error satisfies
 *       {@code statement error}; with {@code strictErrors} the message must contain the expected text.</li>
 * </ul>
 */
final class SltRunner implements AutoCloseable {
    static final String ENGINE = "postgresql";
    static final int MAX_TIMEOUTS = 3;
    private static final Pattern HASHED = Pattern.compile("^(\\d+) values hashing to ([0-9a-fA-F]{32})$");
    private static final String DEFAULT = "";
    private static final Pattern QUOTED = Pattern.compile("(['\"])(.*?)\\1");

    private final SltDialect dialect;
    private final String url;
    private final boolean survivesRestart;
    private final Duration timeout;
    private final boolean strictErrors;

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final List<Connection> abandoned = new ArrayList<>();
    private final Map<String, String> labels = new HashMap<>();
    private ExecutorService worker = newWorker();
    private int hashThreshold = 8;
    private int timeoutsInARow;
    private boolean timedOutBefore;
    /** Set by the worker while it opens a connection: a timeout then means the driver itself hangs. */
    private volatile boolean connecting;
    /** Why RustyDB in this JVM no longer answers (a connect or close hung), or {@code null}: see {@link #wedged()}. */
    private static volatile String wedged;
    /** Why every remaining record is skipped, or {@code null}. */
    private String skipRest;
    private boolean modeSkip;

    /**
     * @param url             the database every connection of this script opens
     * @param survivesRestart whether the database outlives its connections (a file database), so that
     *                        {@code restart} can reopen it
     */
    SltRunner(SltDialect dialect, String url, boolean survivesRestart, Duration timeout, boolean strictErrors) {
        this.dialect = dialect;
        this.url = url;
        this.survivesRestart = survivesRestart;
        this.timeout = timeout;
        this.strictErrors = strictErrors;
    }

    /** Parses and runs {@code file}; never throws: a runner error is reported in the result. */
    static SltFileResult runFile(Path file, String name, SltDialect dialect, String url, boolean survivesRestart,
                                 Duration timeout, boolean strictErrors) {
        long start = System.nanoTime();
        List<SltOutcome> outcomes = new ArrayList<>();
        String error = null;
        try (SltRunner runner = new SltRunner(dialect, url, survivesRestart, timeout, strictErrors)) {
            for (SltRecord r : SltParser.parse(file)) {
                SltOutcome o = runner.run(r);
                if (o != null) {
                    outcomes.add(o);
                }
            }
        } catch (Exception | StackOverflowError e) {
            error = e.toString();
        }
        return new SltFileResult(name, outcomes, error, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Why RustyDB in this JVM stopped answering, or {@code null}. Once a connect or a close hangs, the driver's
     * global registry lock is likely held for good and every later script would only time out: callers stop.
     */
    static String wedged() {
        return wedged;
    }

    private void wedge(String why) {
        skipRest = "RustyDB wedged: " + why;
        if (wedged == null) {
            wedged = why + " (" + url + ")";
        }
    }

    /** Runs one record; {@code null} for a control record that ran (they are not counted). */
    SltOutcome run(SltRecord r) {
        for (Condition c : r.conditions()) {
            if (!c.allows(ENGINE)) {
                noteSkippedLabel(r);
                return r instanceof Control ? null : SltOutcome.skip(r.line(),
                        (c.only() ? "onlyif " : "skipif ") + c.engine());
            }
        }
        if (skipRest != null) {
            return r instanceof Control ? null : SltOutcome.skip(r.line(), skipRest);
        }
        if (r instanceof Control c) {
            return control(c);
        }
        if (modeSkip) {
            return SltOutcome.skip(r.line(), "mode skip");
        }
        return r instanceof Statement s ? statement(s) : query((Query) r);
    }

    private SltOutcome control(Control c) {
        switch (c.kind()) {
            case HASH_THRESHOLD -> hashThreshold = Integer.parseInt(c.argument());
            case HALT -> skipRest = "halt";
            case REQUIRE -> skipRest = "needs DuckDB-only " + c.argument();
            case MODE_SKIP -> modeSkip = true;
            case MODE_UNSKIP -> modeSkip = false;
            case RECONNECT -> {
                Connection current = connections.remove(DEFAULT);
                if (current != null) {
                    closeOnWorker(List.of(current));
                }
            }
            case RESTART -> {
                closeAll();
                if (!survivesRestart) {
                    skipRest = "restart on an in-memory database";
                }
            }
            case UNSUPPORTED -> {
                return SltOutcome.skip(c.line(), "unsupported directive: " + c.argument());
            }
            default -> throw new IllegalStateException(c.kind().toString());
        }
        return null;
    }

    // ---------------------------------------------------------------- statements

    private SltOutcome statement(Statement s) {
        String sql = trimSql(s.sql());
        Throwable error;
        try {
            error = (Throwable) onWorker(s.connection(), c -> {
                try (java.sql.Statement st = c.createStatement()) {
                    if (st.execute(sql)) {
                        drain(st.getResultSet());
                    }
                }
                return null;
            });
        } catch (TimeoutException e) {
            return timedOut(s.line(), s.connection(), sql);
        }
        switch (s.expect()) {
            case OK:
                return error == null ? SltOutcome.pass(s.line()) : failure(s.line(), error, sql);
            case ERROR:
                if (error == null) {
                    return SltOutcome.fail(s.line(), "expected an error, statement succeeded", sql);
                }
                if (strictErrors && s.expectedError() != null && !s.expectedError().isBlank()
                        && !String.valueOf(error.getMessage()).contains(s.expectedError().strip())) {
                    return SltOutcome.fail(s.line(), "error message differs",
                            "expected: " + s.expectedError() + "\nactual: " + error.getMessage() + "\n" + sql);
                }
                return SltOutcome.pass(s.line());
            default:
                return SltOutcome.pass(s.line());
        }
    }

    private static void drain(ResultSet rs) throws SQLException {
        try (rs) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                }
            }
        }
    }

    // ---------------------------------------------------------------- queries

    private record Rows(int columns, List<List<Object>> rows) {
    }

    private SltOutcome query(Query q) {
        String sql = trimSql(q.sql());
        Rows result;
        try {
            Object r = onWorker(q.connection(), c -> {
                try (java.sql.Statement st = c.createStatement()) {
                    if (!st.execute(sql)) {
                        // DuckDB queries may be DML: their result is the update count.
                        List<List<Object>> one = new ArrayList<>();
                        one.add(List.of((long) st.getUpdateCount()));
                        return new Rows(1, one);
                    }
                    try (ResultSet rs = st.getResultSet()) {
                        int n = rs.getMetaData().getColumnCount();
                        List<List<Object>> rows = new ArrayList<>();
                        while (rs.next()) {
                            List<Object> row = new ArrayList<>(n);
                            for (int i = 1; i <= n; i++) {
                                row.add(rs.getObject(i));
                            }
                            rows.add(row);
                        }
                        return new Rows(n, rows);
                    }
                }
            });
            if (r instanceof Throwable t) {
                return failure(q.line(), t, sql);
            }
            result = (Rows) r;
        } catch (TimeoutException e) {
            return timedOut(q.line(), q.connection(), sql);
        }
        if (result.columns != q.types().length()) {
            return SltOutcome.fail(q.line(), "wrong number of columns",
                    "expected " + q.types().length() + " (" + q.types() + "), got " + result.columns + "\n" + sql);
        }
        List<List<String>> rows = new ArrayList<>(result.rows.size());
        for (List<Object> row : result.rows) {
            List<String> rendered = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                rendered.add(SltValues.render(row.get(i), q.types().charAt(i), dialect));
            }
            rows.add(rendered);
        }
        return dialect == SltDialect.SQLITE ? compareSqlite(q, rows, sql) : compareDuckDb(q, rows, sql);
    }

    private SltOutcome compareSqlite(Query q, List<List<String>> rows, String sql) {
        List<String> values = flatten(sort(rows, q.sort(), false));
        String hash = SltValues.md5(values);
        List<String> expected = q.expected();
        Matcher m = expected.size() == 1 ? HASHED.matcher(expected.get(0).strip()) : null;
        if (m != null && m.matches()) {
            if (Integer.parseInt(m.group(1)) != values.size() || !m.group(2).equalsIgnoreCase(hash)) {
                return SltOutcome.fail(q.line(), "result mismatch", "expected: " + expected.get(0) + "\nactual:   "
                        + values.size() + " values hashing to " + hash + " " + preview(values) + "\n" + sql);
            }
        } else if (!expected.equals(values)) {
            return SltOutcome.fail(q.line(), "result mismatch",
                    "expected: " + preview(expected) + "\nactual:   " + preview(values) + "\n" + sql);
        }
        return checkLabel(q, hash);
    }

    private SltOutcome compareDuckDb(Query q, List<List<String>> rows, String sql) {
        int columns = q.types().length();
        List<String> expectedLines = q.expected();
        Matcher m = expectedLines.size() == 1 ? HASHED.matcher(expectedLines.get(0).strip()) : null;
        if (m != null && m.matches()) {
            List<String> values = flatten(sort(rows, q.sort(), true));
            String hash = SltValues.md5(values);
            if (Integer.parseInt(m.group(1)) != values.size() || !m.group(2).equalsIgnoreCase(hash)) {
                return SltOutcome.fail(q.line(), "result mismatch", "expected: " + expectedLines.get(0)
                        + "\nactual:   " + values.size() + " values hashing to " + hash + "\n" + sql);
            }
            return checkLabel(q, hash);
        }
        List<List<String>> expected = new ArrayList<>();
        boolean tabbed = true;
        for (String line : expectedLines) {
            String[] parts = columns == 1 ? new String[] {line} : line.split("\t", -1);
            tabbed &= parts.length == columns;
            expected.add(List.of(parts));
        }
        if (!tabbed) {
            // Older DuckDB files list one value per line, as SQLite does.
            if (expectedLines.size() % columns != 0) {
                return SltOutcome.fail(q.line(), "result mismatch",
                        "expected rows do not split into " + columns + " columns: " + preview(expectedLines));
            }
            expected.clear();
            for (int i = 0; i < expectedLines.size(); i += columns) {
                expected.add(List.copyOf(expectedLines.subList(i, i + columns)));
            }
        }
        List<List<String>> actual = sort(rows, q.sort(), true);
        expected = sort(expected, q.sort(), true);
        if (q.sort() == SortMode.VALUESORT) {
            List<String> e = flatten(expected);
            List<String> a = flatten(actual);
            boolean same = e.size() == a.size();
            for (int i = 0; same && i < e.size(); i++) {
                same = SltValues.duckDbEquals(e.get(i), a.get(i), 'T');
            }
            return same ? SltOutcome.pass(q.line()) : SltOutcome.fail(q.line(), "result mismatch",
                    "expected: " + preview(e) + "\nactual:   " + preview(a) + "\n" + sql);
        }
        boolean same = expected.size() == actual.size();
        for (int r = 0; same && r < expected.size(); r++) {
            for (int c = 0; same && c < columns; c++) {
                same = SltValues.duckDbEquals(expected.get(r).get(c), actual.get(r).get(c), q.types().charAt(c));
            }
        }
        return same ? SltOutcome.pass(q.line()) : SltOutcome.fail(q.line(), "result mismatch",
                "expected: " + preview(expected) + "\nactual:   " + preview(actual) + "\n" + sql);
    }

    /** A labelled query must give the same results as every other query with its label. */
    private SltOutcome checkLabel(Query q, String hash) {
        if (q.label() != null) {
            String previous = labels.putIfAbsent(q.label(), hash);
            if (previous != null && !previous.equalsIgnoreCase(hash)) {
                return SltOutcome.fail(q.line(), "label mismatch", "label " + q.label() + " hashed to " + previous
                        + " before, now " + hash);
            }
        }
        return SltOutcome.pass(q.line());
    }

    /** A skipped labelled query still pins its label to the expected hash, as FORMAT.wiki says. */
    private void noteSkippedLabel(SltRecord r) {
        if (r instanceof Query q && q.label() != null && q.expected().size() == 1) {
            Matcher m = HASHED.matcher(q.expected().get(0).strip());
            if (m.matches()) {
                labels.putIfAbsent(q.label(), m.group(2).toLowerCase());
            }
        }
    }

    private static List<List<String>> sort(List<List<String>> rows, SortMode mode, boolean numericKeys) {
        List<List<String>> out = new ArrayList<>(rows);
        if (mode == SortMode.NOSORT) {
            return out;
        }
        if (mode == SortMode.VALUESORT) {
            List<String> values = flatten(rows);
            values.sort(numericKeys ? Comparator.comparing(SltValues::sortKey) : Comparator.naturalOrder());
            out.clear();
            for (String v : values) {
                out.add(List.of(v));
            }
            return out;
        }
        out.sort((a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String x = numericKeys ? SltValues.sortKey(a.get(i)) : a.get(i);
                String y = numericKeys ? SltValues.sortKey(b.get(i)) : b.get(i);
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        });
        return out;
    }

    private static List<String> flatten(List<List<String>> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(out::addAll);
        return out;
    }

    private static String preview(List<?> values) {
        int shown = Math.min(values.size(), 12);
        String head = values.subList(0, shown).toString();
        return values.size() > shown ? head + " ... (" + values.size() + " in all)" : head;
    }

    // ---------------------------------------------------------------- errors

    private SltOutcome failure(int line, Throwable t, String sql) {
        if (timedOutBefore && t instanceof SQLException e && "55P03".equals(e.getSQLState())) {
            // The abandoned statement still holds the database lock: every later record would wait out the lock
            // timeout and fail the same way.
            skipRest = "database still locked by a statement that timed out";
        }
        return SltOutcome.fail(line, causeOf(t), t + "\n" + sql);
    }

    /** An aggregatable key for an error: SQLSTATE and the message's first line with names and numbers blanked. */
    static String causeOf(Throwable t) {
        String message = String.valueOf(t.getMessage());
        int nl = message.indexOf('\n');
        if (nl >= 0) {
            message = message.substring(0, nl);
        }
        // Names (tab0, col1) and literals are blanked so that one cause is one key; quoted keywords and operators
        // ("SELECT", "+") are kept, they say what the parser choked on.
        message = QUOTED.matcher(message).replaceAll(m -> m.group(2).matches("[^a-z0-9]*")
                ? Matcher.quoteReplacement(m.group()) : m.group(1) + "?" + m.group(1));
        message = message.replaceAll("\\b\\d+\\b", "N").strip();
        if (message.length() > 110) {
            message = message.substring(0, 110) + "...";
        }
        if (t instanceof SQLException e) {
            return (e.getSQLState() == null ? "-----" : e.getSQLState()) + " " + message;
        }
        return "internal " + t.getClass().getSimpleName() + ": " + message;
    }

    private SltOutcome timedOut(int line, String connection, String sql) {
        if (connecting) {
            wedge("opening a connection did not return within " + timeout.toSeconds() + " s");
            return SltOutcome.fail(line, "TIMEOUT (connect)", "DriverManager.getConnection did not return");
        }
        abandon(connection == null ? DEFAULT : connection);
        timedOutBefore = true;
        worker.shutdownNow();
        worker = newWorker();
        if (++timeoutsInARow >= MAX_TIMEOUTS) {
            skipRest = MAX_TIMEOUTS + " timeouts in a row";
        }
        return SltOutcome.fail(line, "TIMEOUT", "no answer within " + timeout.toSeconds() + " s\n" + sql);
    }

    // ---------------------------------------------------------------- connections and the worker

    private interface JdbcWork {
        Object run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on the worker with the named connection: its value, or the {@link Throwable} it threw (an
     * {@link SQLException}, or whatever the driver let escape), as the value.
     */
    private Object onWorker(String name, JdbcWork work) throws TimeoutException {
        String key = name == null ? DEFAULT : name;
        Callable<Object> task = () -> {
            try {
                Connection c = connections.get(key);
                if (c == null) {
                    connecting = true;
                    c = DriverManager.getConnection(url);
                    connecting = false;
                    connections.put(key, c);
                }
                return work.run(c);
            } catch (Exception | StackOverflowError e) {
                return e;
            }
        };
        Future<Object> f = worker.submit(task);
        try {
            Object value = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            timeoutsInARow = 0;
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        }
    }

    /** Forgets the named connection without closing it (its statement may still run; closing could drop a mem DB). */
    private void abandon(String name) {
        Connection c = connections.remove(name);
        if (c != null) {
            abandoned.add(c);
        }
    }

    private void closeAll() {
        List<Connection> open = List.copyOf(connections.values());
        connections.clear();
        closeOnWorker(open);
    }

    /** Closes {@code open} within the timeout; a close that hangs marks the JVM's RustyDB as wedged. */
    private void closeOnWorker(List<Connection> open) {
        if (open.isEmpty()) {
            return;
        }
        Future<?> f = worker.submit(() -> open.forEach(SltRunner::closeQuietly));
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // closeQuietly swallows what close throws; nothing else can fail here.
        } catch (TimeoutException e) {
            worker.shutdownNow();
            worker = newWorker();
            wedge("closing a connection did not return within " + timeout.toSeconds() + " s");
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // The script is over or restarting; a failing close changes no outcome.
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "slt-worker");
            t.setDaemon(true);
            return t;
        });
    }

    private static String trimSql(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).stripTrailing() : s;
    }

    /**
     * Closes the script's connections. Abandoned ones (their statement timed out) are deliberately left open: the
     * statement may still hold latches, and closing the database under it can block forever (and with it every
     * other database of the JVM, since the driver's registry closes a database under one global lock).
     */
    @Override
    public void close() {
        closeAll();
        worker.shutdownNow();
    }
}
