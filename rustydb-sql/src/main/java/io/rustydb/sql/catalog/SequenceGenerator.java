package io.rustydb.sql.catalog;

import io.rustydb.core.DbException;
import io.rustydb.core.ErrorCode;
import io.rustydb.storage.wal.WriteAheadLog;
import java.math.BigInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands out the values of one sequence: thread-safe, never the same value twice (unless it CYCLEs), also across
 * crashes, and not transactional — a rolled-back transaction does not give its values back (as in PostgreSQL).
 *
 * <p><b>How the state is persisted.</b> Like PostgreSQL, a value is not logged one by one: when the values
 * covered so far run out, {@link #next} writes a state that covers the value it hands out and the next
 * {@code max(LOG_AHEAD, CACHE) - 1} ones ({@code last_value} = the last of them, {@code is_called} = true) in
 * place in the sequence's {@code sys_sequences} row, logged redo-only outside any transaction
 * ({@link SequenceStore#writeState}), and then hands those values out from memory. After a crash the sequence
 * resumes after the persisted {@code last_value}: it skips at most the values of one batch, and never repeats one.
 *
 * <p><b>Durability.</b> The record is appended to the log before {@link #next} returns, so it precedes the COMMIT
 * record of every transaction that stores a value from its batch; that commit forces the log up to its own record
 * and so makes this one durable too. A transaction that only reads ({@code SELECT nextval('s')}) writes no COMMIT
 * record: the caller passes {@link #logPosition()} to {@code Transaction.dependOnLog}, so the query's rows (and the
 * commit) wait until the record is as durable as a commit would be. A value served from memory rests on a record
 * another thread may have appended a moment ago, so that wait applies to every value, not only the first of a
 * batch.
 *
 * <p>Invariants (all under {@link #lock}):
 * <ol>
 *   <li>The persisted state covers every value handed out: if values have been handed out since it was written,
 *       it says {@code is_called} and its {@code last_value} is {@code last + remaining * increment}.</li>
 *   <li>{@code remaining} more values after {@code last} are covered; 0 means the next call writes a new state.</li>
 *   <li>The in-memory state changes only after the persisted state has been written (a failed write leaves both
 *       as they were).</li>
 * </ol>
 */
public final class SequenceGenerator {
    /** Values pre-logged per state write, at least (PostgreSQL's SEQ_LOG_VALS). */
    public static final int LOG_AHEAD = 32;

    private final SequenceDef def;
    private final int schemaId;
    private final long rowId;
    private final SequenceStore store;
    private final WriteAheadLog wal;
    private final ReentrantLock lock = new ReentrantLock();
    /** The last value handed out, or while {@link #called} is false the next one. */
    private long last;
    private boolean called;
    private long remaining;
    /** A log position at or after the latest state record: durable up to it, every value handed out is safe. */
    private volatile long logPosition;

    SequenceGenerator(SequenceDef def, int schemaId, long rowId, long lastValue, boolean called, SequenceStore store,
                      WriteAheadLog wal) {
        this.def = def;
        this.schemaId = schemaId;
        this.rowId = rowId;
        this.last = lastValue;
        this.called = called;
        this.store = store;
        this.wal = wal;
    }

    public SequenceDef def() {
        return def;
    }

    /** The id of the schema the sequence is in. */
    public int schemaId() {
        return schemaId;
    }

    long rowId() {
        return rowId;
    }

    /** Where the log must be durable before a value handed out so far may be relied upon (see the class comment). */
    public long logPosition() {
        return logPosition;
    }

    /** The next value; 2200H once a sequence without CYCLE has handed out its last one. */
    public long next() {
        lock.lock();
        try {
            long value = last;
            boolean wrapped = false;
            if (called) {
                long step = last + def.increment();
                boolean overflow = ((last ^ step) & (def.increment() ^ step)) < 0;
                if (overflow || step > def.maxValue() || step < def.minValue()) {
                    if (!def.cycle()) {
                        boolean up = def.increment() > 0;
                        throw new DbException(ErrorCode.SEQUENCE_GENERATOR_LIMIT_EXCEEDED, "nextval: reached "
                                + (up ? "maximum" : "minimum") + " value of sequence \"" + def.name() + "\" ("
                                + (up ? def.maxValue() : def.minValue()) + ")");
                    }
                    step = def.increment() > 0 ? def.minValue() : def.maxValue();
                    wrapped = true;
                }
                value = step;
            }
            if (called && !wrapped && remaining > 0) {
                remaining--;
            } else {
                long ahead = stepsAhead(value);
                persist(value + ahead * def.increment(), true); // within [min, max]: no overflow
                remaining = ahead;
            }
            last = value;
            called = true;
            return value;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code setval(s, value, isCalled)} (and ALTER SEQUENCE RESTART, with {@code isCalled} false): the next value
     * is {@code value + increment}, or {@code value} itself when {@code isCalled} is false. Persisted at once, not
     * transactional. 22003 outside MINVALUE..MAXVALUE.
     */
    public void set(long value, boolean isCalled) {
        if (value < def.minValue() || value > def.maxValue()) {
            throw new DbException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "setval: value " + value
                    + " is out of bounds for sequence \"" + def.name() + "\" (" + def.minValue() + ".."
                    + def.maxValue() + ")");
        }
        lock.lock();
        try {
            persist(value, isCalled);
            last = value;
            called = isCalled;
            remaining = 0;
        } finally {
            lock.unlock();
        }
    }

    /** How many values after {@code value} one state write covers: up to the batch size, never past the bound. */
    private long stepsAhead(long value) {
        BigInteger room = def.increment() > 0
                ? BigInteger.valueOf(def.maxValue()).subtract(BigInteger.valueOf(value))
                : BigInteger.valueOf(value).subtract(BigInteger.valueOf(def.minValue()));
        BigInteger steps = room.divide(BigInteger.valueOf(def.increment()).abs());
        long batch = Math.max(LOG_AHEAD, def.cache()) - 1;
        return steps.min(BigInteger.valueOf(batch)).longValueExact();
    }

    private void persist(long lastValue, boolean isCalled) {
        store.writeState(rowId, def, lastValue, isCalled);
        // The record was appended inside writeState; the log's end is past it (and past anything appended by
        // others since, which only makes the wait longer): durable up to here, the record is durable.
        logPosition = wal.endLsn() - 1;
    }
}
