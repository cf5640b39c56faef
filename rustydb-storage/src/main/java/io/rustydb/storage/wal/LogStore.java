package io.rustydb.storage.wal;

/**
 * Where the write-ahead log's bytes live. The log is one stream of bytes addressed by LSN, cut into segments of
 * {@link #segmentSize()} bytes: LSN {@code n} is byte {@code n % segmentSize} of segment {@code n / segmentSize},
 * and the first {@link #firstOffset()} bytes of each segment are its header, never a record. A record never spans
 * two segments.
 *
 * <p>Not thread-safe: the {@link WriteAheadLog} calls it from one thread at a time.
 */
public interface LogStore extends AutoCloseable {
    int segmentSize();

    /** Bytes at the start of each segment that hold its header. */
    int firstOffset();

    /** Whether the store forgets everything on close (an in-memory database's log). */
    boolean isVolatile();

    /** Writes {@code length} bytes of {@code src} at log position {@code lsn}; the range lies within one segment. */
    void write(long lsn, byte[] src, int offset, int length);

    /** Makes every byte written so far durable. */
    void force();

    /**
     * Reads the valid record at {@code lsn}, or null if there is none (end of log, torn or stale bytes). A caller
     * walking the log continues at {@code lsn + record.length()}; at a segment's end it continues at the next
     * segment's {@link #firstOffset()}.
     */
    LogRecord read(long lsn);

    /** The first LSN of the oldest segment still kept. */
    long firstLsn();

    /**
     * Discards everything from {@code lsn} on (a torn tail found by recovery): the rest of that segment is zeroed
     * and later segments are deleted, durably.
     */
    void truncateFrom(long lsn);

    /** Deletes whole segments that end at or before {@code lsn} (they are no longer needed for recovery). */
    void deleteBefore(long lsn);

    @Override
    void close();
}
