package io.rustydb.jdbc.txn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rustydb.core.config.IsolationLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The stage of one Hermitage scenario: a fresh in-memory database {@code jdbc:rustydb:mem:hermitageN} holding
 * Hermitage's table {@code test (id, value)} with rows (1, 10) and (2, 20), the sessions ({@link Txn}) opened on it,
 * and an observer session that reads the committed state at the end. The observer is opened first and closed last:
 * it keeps the database alive, since an in-memory database is dropped when its last connection closes.
 */
final class TxnScript implements AutoCloseable {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final String url;
    private final Txn observer;
    private final List<Txn> sessions = new ArrayList<>();

    private TxnScript(String url) {
        this.url = url;
        this.observer = Txn.open("observer", url);
    }

    /** A new database with Hermitage's setup (no primary key: RustyDB has none yet). */
    static TxnScript withTestTable() {
        TxnScript script = new TxnScript("jdbc:rustydb:mem:hermitage" + NEXT.incrementAndGet());
        try {
            script.observer.run("create table test (id int, value int)");
            script.observer.run("insert into test (id, value) values (1, 10), (2, 20)");
            return script;
        } catch (RuntimeException | Error e) {
            script.close();
            throw e;
        }
    }

    /** A new session that has run {@code begin; set transaction isolation level <level>}. */
    Txn begin(String name, IsolationLevel level) {
        return connect(name).begin(level);
    }

    /** A new session in auto-commit mode. */
    Txn connect(String name) {
        Txn t = Txn.open(name, url);
        sessions.add(t);
        return t;
    }

    /** Asserts the committed contents of {@code test} (any order), read in a transaction of the observer's own. */
    void committed(String... expected) {
        rows("select * from test", expected);
    }

    /** Asserts the rows of {@code sql} (any order), run by the observer in a transaction of its own. */
    void rows(String sql, String... expected) {
        observer.rows(sql, expected);
    }

    /** Asserts that exactly one of {@code candidates} ended with a serialization failure; returns it. */
    static Txn exactlyOneFailed(Txn... candidates) {
        List<Txn> failed = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        for (Txn t : candidates) {
            if (t.failed()) {
                failed.add(t);
                where.append(' ').append(t.name()).append(" at '").append(t.failedAt()).append('\'');
            }
        }
        assertEquals(1, failed.size(), "transactions failed with 40001:" + (failed.isEmpty() ? " none" : where));
        return failed.get(0);
    }

    /** Closes every session at once (a blocker's rollback may be what frees a stuck step), then the observer. */
    @Override
    public void close() {
        List<Future<?>> closing = new ArrayList<>();
        for (Txn t : sessions) {
            closing.add(t.closeAsync());
        }
        for (int i = 0; i < sessions.size(); i++) {
            sessions.get(i).awaitClosed(closing.get(i));
        }
        observer.awaitClosed(observer.closeAsync());
    }
}
