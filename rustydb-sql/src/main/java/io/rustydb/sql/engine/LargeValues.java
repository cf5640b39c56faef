package io.rustydb.sql.engine;

import io.rustydb.core.type.DataType;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.storage.heap.OverflowStore;
import io.rustydb.storage.tuple.RowCodec;
import io.rustydb.txn.mvcc.VersionedHeap;

/**
 * Rows with large values: a row is encoded with its largest string and binary values moved to overflow pages
 * once it would take more than a quarter of a page's row capacity (so that a page still holds several rows), up
 * to 2 GiB per value. Each row version has its own copies; their overflow pages are freed when vacuum removes the
 * version (older snapshots may read them until then). Those of a rolled-back insert stay allocated (a known
 * leak: the rollback clears their pages but does not return them to the free list), and so does that aborted
 * version itself (vacuum cannot read its index keys from cleared pages, so it leaves the never-visible version).
 */
final class LargeValues {
    private LargeValues() {
    }

    static byte[] encode(ExecContext context, VersionedHeap heap, DataType[] types, Object[] values) {
        OverflowStore overflow = context.catalog().overflow();
        return RowCodec.encode(types, values, overflow, heap.maxRowLength() / 4);
    }
}
