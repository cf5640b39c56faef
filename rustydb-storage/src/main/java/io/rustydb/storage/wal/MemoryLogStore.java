package io.rustydb.storage.wal;

import java.util.Map;
import java.util.TreeMap;

/**
 * The log of an in-memory database: records are kept in memory only as long as a transaction may need them for
 * rollback (checkpoints discard older segments). Nothing survives close, which is what {@code mem:} promises.
 */
public final class MemoryLogStore implements LogStore {
    private final int segmentSize;
    private final TreeMap<Long, byte[]> segments = new TreeMap<>();

    public MemoryLogStore(int segmentSize) {
        this.segmentSize = segmentSize;
    }

    @Override
    public int segmentSize() {
        return segmentSize;
    }

    @Override
    public int firstOffset() {
        return WalSegmentHeader.SIZE;
    }

    @Override
    public boolean isVolatile() {
        return true;
    }

    @Override
    public void write(long lsn, byte[] src, int offset, int length) {
        long segment = lsn / segmentSize;
        int position = (int) (lsn % segmentSize);
        byte[] bytes = segments.computeIfAbsent(segment, s -> new byte[segmentSize]);
        System.arraycopy(src, offset, bytes, position, length);
    }

    @Override
    public void force() {
        // nothing to make durable
    }

    @Override
    public LogRecord read(long lsn) {
        byte[] bytes = segments.get(lsn / segmentSize);
        if (bytes == null) {
            return null;
        }
        int position = (int) (lsn % segmentSize);
        return WalRecordLayout.decode(bytes, position, segmentSize, lsn);
    }

    @Override
    public long firstLsn() {
        return (segments.isEmpty() ? 0 : segments.firstKey()) * segmentSize + firstOffset();
    }

    @Override
    public void truncateFrom(long lsn) {
        long segment = lsn / segmentSize;
        segments.tailMap(segment, false).clear();
        byte[] bytes = segments.get(segment);
        if (bytes != null) {
            java.util.Arrays.fill(bytes, (int) Math.max(lsn % segmentSize, firstOffset()), segmentSize, (byte) 0);
        }
    }

    @Override
    public void deleteBefore(long lsn) {
        for (Map.Entry<Long, byte[]> e : new TreeMap<>(segments).entrySet()) {
            if ((e.getKey() + 1) * segmentSize <= lsn) {
                segments.remove(e.getKey());
            }
        }
    }

    @Override
    public void close() {
        segments.clear();
    }
}
