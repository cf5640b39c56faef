package io.rustydb.storage.wal;

/**
 * Walks the valid records of a {@link LogStore} forward from a start LSN, stepping over segment ends, and stops
 * at the first place that holds no valid record: the end of the log (a torn or partially written tail ends it
 * too). After the walk, {@link #endLsn()} is where the next record belongs.
 */
public final class LogScanner {
    private final LogStore store;
    private long position;

    public LogScanner(LogStore store, long startLsn) {
        this.store = store;
        this.position = Math.max(startLsn, store.firstOffset());
        if (position % store.segmentSize() < store.firstOffset()) {
            position = position - position % store.segmentSize() + store.firstOffset();
        }
    }

    /** The next valid record, or null at the end of the log. */
    public LogRecord next() {
        LogRecord record = store.read(position);
        if (record == null) {
            // A record never spans segments: the rest of a segment may be padding. Continue in the next segment
            // only if it exists and starts with a valid record.
            long nextSegment = (position / store.segmentSize() + 1) * store.segmentSize() + store.firstOffset();
            record = store.read(nextSegment);
            if (record == null) {
                return null;
            }
        }
        position = record.lsn() + record.length();
        if (position % store.segmentSize() == 0) {
            position += store.firstOffset();
        }
        return record;
    }

    /** Where the record after the last one returned goes. */
    public long endLsn() {
        return position;
    }
}
