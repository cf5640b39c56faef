package io.rustydb.index.btree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A range scan of a {@link BPlusTree}, ascending or descending, with inclusive or exclusive bounds (null =
 * unbounded). It copies one leaf's worth of entries at a time and holds no latch between calls, so a caller may
 * do anything (even write to the tree) while it iterates; the next leaf is found again from the root by the last
 * key returned, so an entry present for the whole scan is returned exactly once, in order, whatever splits, merges
 * and freed pages happen meanwhile (it never keeps a page number). Not thread-safe.
 */
public final class BTreeCursor {
    private final BPlusTree tree;
    private final byte[] low;
    private final boolean lowInclusive;
    private final byte[] high;
    private final boolean highInclusive;
    private final boolean descending;
    private final List<BTreeNode.Entry> buffer = new ArrayList<>();
    private int position;
    private boolean started;
    private boolean exhausted;
    /** Where the next refill starts: the last key returned (exclusive), or the scan's first bound. */
    private byte[] resume;
    private boolean resumeInclusive;
    private BTreeNode.Entry current;

    BTreeCursor(BPlusTree tree, byte[] low, boolean lowInclusive, byte[] high, boolean highInclusive,
                boolean descending) {
        this.tree = tree;
        this.low = low;
        this.lowInclusive = lowInclusive;
        this.high = high;
        this.highInclusive = highInclusive;
        this.descending = descending;
    }

    /** Advances to the next entry in range; false at the end. */
    public boolean next() {
        for (;;) {
            if (position < buffer.size()) {
                BTreeNode.Entry e = buffer.get(position++);
                if (!withinFarBound(e.key())) {
                    exhausted = true;
                    buffer.clear();
                    current = null;
                    return false;
                }
                current = e;
                resume = e.key();
                resumeInclusive = false;
                return true;
            }
            if (exhausted || !refill()) {
                current = null;
                return false;
            }
        }
    }

    private boolean refill() {
        buffer.clear();
        position = 0;
        if (!started) {
            started = true;
            resume = descending ? high : low;
            resumeInclusive = descending ? highInclusive : lowInclusive;
        }
        if (descending) {
            byte[] lowFence = tree.readBackward(resume, resumeInclusive, low, lowInclusive, buffer);
            if (lowFence == null) {
                exhausted = true; // this was the leftmost stretch
            }
        } else {
            boolean more = tree.readForward(resume, resumeInclusive, high, highInclusive, buffer);
            if (!more) {
                exhausted = true;
            }
        }
        return !buffer.isEmpty();
    }

    /** Whether {@code key} is within the bound the scan runs towards (high ascending, low descending). */
    private boolean withinFarBound(byte[] key) {
        if (descending) {
            if (low == null) {
                return true;
            }
            int c = Arrays.compareUnsigned(key, low);
            return c > 0 || (c == 0 && lowInclusive);
        }
        if (high == null) {
            return true;
        }
        int c = Arrays.compareUnsigned(key, high);
        return c < 0 || (c == 0 && highInclusive);
    }

    /** The current entry's key (a copy owned by the caller). */
    public byte[] key() {
        checkPositioned();
        return current.key();
    }

    /** The current entry's value. */
    public long value() {
        checkPositioned();
        return current.value();
    }

    private void checkPositioned() {
        if (current == null) {
            throw new IllegalStateException("cursor is not positioned on an entry");
        }
    }
}
