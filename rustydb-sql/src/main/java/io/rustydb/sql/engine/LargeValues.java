package io.rustydb.sql.engine;

import io.rustydb.core.type.DataType;
import io.rustydb.core.type.TypeId;
import io.rustydb.sql.exec.ExecContext;
import io.rustydb.storage.heap.OverflowRef;
import io.rustydb.storage.heap.OverflowStore;
import io.rustydb.storage.heap.TableHeap;
import io.rustydb.storage.tuple.RowCodec;
import java.util.List;

/**
 * Rows with large values: a row is encoded with its largest string and binary values moved to overflow pages
 * once it would take more than a quarter of a page's row capacity (so that a page still holds several rows), up
 * to 2 GiB per value. The overflow pages of a value a statement replaces or deletes are freed when its transaction
 * commits (a rollback needs them back); those of a rolled-back insert stay allocated (a known leak, reclaimed by
 * vacuum once it exists).
 */
final class LargeValues {
    private LargeValues() {
    }

    static byte[] encode(ExecContext context, TableHeap heap, DataType[] types, Object[] values) {
        OverflowStore overflow = context.catalog().overflow();
        return RowCodec.encode(types, values, overflow, heap.maxTupleLength() / 4);
    }

    /** Frees, once the transaction commits, the large values of the row {@code rowId} is about to stop holding. */
    static void releaseAtCommit(ExecContext context, TableHeap heap, DataType[] types, long rowId) {
        if (!hasVariableColumns(types)) {
            return;
        }
        byte[] old = heap.read(rowId);
        if (old == null) {
            return;
        }
        List<OverflowRef> refs = RowCodec.externalRefs(old, types);
        if (!refs.isEmpty()) {
            OverflowStore overflow = context.catalog().overflow();
            context.transaction().afterCommit(() -> refs.forEach(overflow::free));
        }
    }

    private static boolean hasVariableColumns(DataType[] types) {
        for (DataType t : types) {
            TypeId id = t.id();
            if (id.isString() || id.isBinary()) {
                return true;
            }
        }
        return false;
    }
}
