package io.rustydb.txn.mvcc;

import io.rustydb.storage.heap.HeapCursor;
import java.nio.ByteBuffer;

/**
 * A sequential scan over the row versions of a {@link VersionedHeap} that one snapshot sees, read in place in page
 * memory: the visibility check reads two header fields and the {@link CommitTable}, with no lock and no allocation
 * per row. Accessors describe the row bytes after the version header. Not thread-safe; close it.
 */
public final class VersionCursor implements AutoCloseable {
    private final HeapCursor cursor;
    private final long me;
    private final long snapshot;
    private final CommitTable commits;

    VersionCursor(HeapCursor cursor, long me, long snapshot, CommitTable commits) {
        this.cursor = cursor;
        this.me = me;
        this.snapshot = snapshot;
        this.commits = commits;
    }

    /** Advances to the next visible version; false at the end. */
    public boolean next() {
        while (cursor.next()) {
            if (VersionedHeap.visible(cursor.buffer(), cursor.tupleOffset(), me, snapshot, commits)) {
                return true;
            }
        }
        return false;
    }

    /** The current version's row id. */
    public long rowId() {
        return cursor.rowId();
    }

    /** The current page's memory (read-only, little-endian). */
    public ByteBuffer buffer() {
        return cursor.buffer();
    }

    /** Offset of the row bytes (after the version header) in {@link #buffer()}. */
    public int rowOffset() {
        return cursor.tupleOffset() + VersionHeader.SIZE;
    }

    /** Length of the row bytes. */
    public int rowLength() {
        return cursor.tupleLength() - VersionHeader.SIZE;
    }

    @Override
    public void close() {
        cursor.close();
    }
}
