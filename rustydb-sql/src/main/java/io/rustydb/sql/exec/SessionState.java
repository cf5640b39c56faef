package io.rustydb.sql.exec;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one session (a JDBC connection) remembers from statement to statement, outside any transaction: its
 * run-time parameters ({@link SessionSettings}: the search path, ...), and the value
 * {@code nextval} (or {@code setval(..., true)}) last gave each sequence in this session, for {@code currval} and
 * {@code lastval}, as PostgreSQL keeps them per backend. Not rolled back with the transaction. Sequences are keyed
 * by id, so a dropped and re-created sequence starts undefined again.
 */
public final class SessionState {
    private final Map<Integer, Long> currentValues = new ConcurrentHashMap<>();
    private final SessionSettings settings = new SessionSettings();
    private volatile String lastSequence;
    private volatile long lastValue;

    /** The memory budget of each query of this session ({@code work_mem}), in bytes. */
    public long workMemBytes() {
        return settings.workMemBytes();
    }

    /**
     * Sets the connection's {@code work_mem} (the connection option): the value queries use until a
     * {@code SET work_mem}, and what {@code RESET work_mem} goes back to.
     */
    public void setWorkMemBytes(long bytes) {
        settings.setWorkMemDefault(bytes);
    }

    /** The session's run-time parameters ({@code SET}, {@code SHOW}), the search path among them. */
    public SessionSettings settings() {
        return settings;
    }

    /** The session's search path. */
    public io.rustydb.sql.catalog.SearchPath searchPath() {
        return settings.searchPath();
    }

    /** Notes that sequence {@code sequenceId} (named {@code name}) gave {@code value} in this session. */
    public void noteSequenceValue(int sequenceId, String name, long value) {
        currentValues.put(sequenceId, value);
        lastSequence = name;
        lastValue = value;
    }

    /** {@code currval}: the value last noted for the sequence, or 55000 if none yet in this session. */
    public long currentValue(int sequenceId, String name) {
        Long v = currentValues.get(sequenceId);
        if (v == null) {
            throw new DbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "currval of sequence \"" + name + "\" is not yet defined in this session");
        }
        return v;
    }

    /** {@code lastval}: the value last noted for any sequence, or 55000 if none yet in this session. */
    public long lastValue() {
        if (lastSequence == null) {
            throw new DbException(ErrorCode.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "lastval is not yet defined in this session");
        }
        return lastValue;
    }
}
