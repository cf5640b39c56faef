package io.rustydb.storage.wal;

import io.rustydb.core.DbException;
import io.rustydb.storage.page.SlottedPage;
import java.nio.ByteBuffer;

/** Undoes one TUPLE_DELTA record on its (write-latched) page, by slot; see {@link TupleChange}. */
final class TupleUndo {
    private TupleUndo() {
    }

    static void apply(SlottedPage sp, byte[] payload, String file, int pageNo) {
        int slot = TupleChange.slot(payload);
        byte[] old = TupleChange.oldBytes(payload);
        switch (TupleChange.kind(payload)) {
            case TupleChange.INSERTED -> {
                if (sp.isLive(slot)) {
                    sp.delete(slot);
                }
            }
            case TupleChange.PATCHED -> {
                if (!sp.isLive(slot)) {
                    throw DbException.corruption(file, pageNo, "cannot undo a change of free slot " + slot);
                }
                ByteBuffer b = sp.buffer();
                b.put(sp.tupleOffset(slot) + TupleChange.tupleOffset(payload), old, 0, old.length);
            }
            case TupleChange.DELETED -> {
                if (!sp.restore(slot, old.length, TupleChange.flags(payload))) {
                    throw DbException.corruption(file, pageNo, "no room to restore the tuple of slot " + slot);
                }
                sp.buffer().put(sp.tupleOffset(slot), old, 0, old.length);
            }
            default -> throw DbException.corruption(file, pageNo, "unknown tuple change " + TupleChange.kind(payload));
        }
    }
}
